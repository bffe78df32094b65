import scenario from './__fixtures__/sumo-single-elimination-final-places.json';
import { expectScenario } from './expect-scenario';

it('Sumo: single elimination with a third-place match gives 1st to 4th from the ledger alone', () => {
  expectScenario(scenario);
});
