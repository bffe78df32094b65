import scenario from './__fixtures__/creative-median-of-judges.json';
import { expectScenario } from './expect-scenario';

it("Creative: median of the judges' marks (even number of judges: mean of the middle two)", () => {
  expectScenario(scenario);
});
