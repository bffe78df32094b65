import scenario from './__fixtures__/sumo-double-elimination-reset.json';
import { expectScenario } from './expect-scenario';

it("Sumo: double elimination, the losers' bracket winner takes the grand final and the reset", () => {
  expectScenario(scenario);
});
