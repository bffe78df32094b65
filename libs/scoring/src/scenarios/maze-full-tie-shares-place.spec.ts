import scenario from './__fixtures__/maze-full-tie-shares-place.json';
import { expectScenario } from './expect-scenario';

it('Maze: teams equal after every tie-break share the place (1, 1, 3), tied rows in Kazakh name order', () => {
  expectScenario(scenario);
});
