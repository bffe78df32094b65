import scenario from './__fixtures__/maze-micromouse-touch-voids-run.json';
import { expectScenario } from './expect-scenario';

it('Maze, micromouse style: a touch voids the run instead of adding time', () => {
  expectScenario(scenario);
});
