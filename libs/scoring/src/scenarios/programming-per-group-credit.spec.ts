import scenario from './__fixtures__/programming-per-group-credit.json';
import { expectScenario } from './expect-scenario';

it('Programming: per-group credit gives the points of the test groups passed', () => {
  expectScenario(scenario);
});
