import scenario from './__fixtures__/maze-best-attempt-counts.json';
import { expectScenario } from './expect-scenario';

it('Maze: the best of three attempts counts; no finish is DNF; no attempt is not scored', () => {
  expectScenario(scenario);
});
