import scenario from './__fixtures__/sumo-invalid-draws-refused.json';
import { expectScenario } from './expect-scenario';

it('Sumo: draws and matches that break the rules are refused; drawn teams without a match are not scored', () => {
  expectScenario(scenario);
});
