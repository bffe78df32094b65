import scenario from './__fixtures__/maze-disqualified-and-absent-listed-after.json';
import { expectScenario } from './expect-scenario';

it('Maze: disqualified and absent teams are listed after ranked, DNF and not-scored teams, never dropped', () => {
  expectScenario(scenario);
});
