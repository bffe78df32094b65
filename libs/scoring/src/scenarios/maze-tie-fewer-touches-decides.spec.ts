import scenario from './__fixtures__/maze-tie-fewer-touches-decides.json';
import { expectScenario } from './expect-scenario';

it('Maze: equal result times and no second attempt, fewer touches decides', () => {
  expectScenario(scenario);
});
