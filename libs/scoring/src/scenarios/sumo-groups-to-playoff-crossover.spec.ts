import scenario from './__fixtures__/sumo-groups-to-playoff-crossover.json';
import { expectScenario } from './expect-scenario';

it('Sumo: two groups, the top two go to a crossed playoff (A1–B2, B1–A2) with a third-place match', () => {
  expectScenario(scenario);
});
