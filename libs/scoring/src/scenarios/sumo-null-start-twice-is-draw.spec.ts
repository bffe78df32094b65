import scenario from './__fixtures__/sumo-null-start-twice-is-draw.json';
import { expectScenario } from './expect-scenario';

it('Sumo: a null start is replayed once; a second null start makes the round a draw', () => {
  expectScenario(scenario);
});
