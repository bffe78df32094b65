import scenario from './__fixtures__/creative-weighted-criteria.json';
import { expectScenario } from './expect-scenario';

it("Creative: a criterion's weight changes the order", () => {
  expectScenario(scenario);
});
