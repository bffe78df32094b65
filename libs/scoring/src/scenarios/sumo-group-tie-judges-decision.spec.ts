import scenario from './__fixtures__/sumo-group-tie-judges-decision.json';
import { expectScenario } from './expect-scenario';

it("Sumo: a group tie left after every tie-break is settled by the judges' decision", () => {
  expectScenario(scenario);
});
