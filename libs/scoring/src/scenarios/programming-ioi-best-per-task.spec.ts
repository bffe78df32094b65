import scenario from './__fixtures__/programming-ioi-best-per-task.json';
import { expectScenario } from './expect-scenario';

it('Programming: the best submission per task counts (IOI); a real 0 is ranked, no submission is not scored', () => {
  expectScenario(scenario);
});
