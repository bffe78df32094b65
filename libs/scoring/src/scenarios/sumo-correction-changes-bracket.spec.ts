import scenario from './__fixtures__/sumo-correction-changes-bracket.json';
import { expectScenario } from './expect-scenario';

it('Sumo: correcting a first-round result changes who is in the final; results recorded for the old pairing stop counting', () => {
  expectScenario(scenario);
});
