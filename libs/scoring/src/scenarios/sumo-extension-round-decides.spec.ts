import scenario from './__fixtures__/sumo-extension-round-decides.json';
import { expectScenario } from './expect-scenario';

it("Sumo: level when time runs out, the extension round's first point wins", () => {
  expectScenario(scenario);
});
