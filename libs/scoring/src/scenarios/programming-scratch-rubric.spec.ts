import scenario from './__fixtures__/programming-scratch-rubric.json';
import { expectScenario } from './expect-scenario';

it('Programming: a Scratch project judged with the 40-point rubric, mean of three judges', () => {
  expectScenario(scenario);
});
