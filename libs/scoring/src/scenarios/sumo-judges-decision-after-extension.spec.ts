import scenario from './__fixtures__/sumo-judges-decision-after-extension.json';
import { expectScenario } from './expect-scenario';

it("Sumo: a level extension round goes to the judges' decision; nothing else is accepted meanwhile", () => {
  expectScenario(scenario);
});
