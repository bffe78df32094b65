import scenario from './__fixtures__/programming-icpc-solved-then-penalty.json';
import { expectScenario } from './expect-scenario';

it('Programming, ICPC: more tasks solved first, then less time with 20 minutes per wrong try', () => {
  expectScenario(scenario);
});
