import scenario from './__fixtures__/maze-touch-penalty-reorders.json';
import { expectScenario } from './expect-scenario';

it('Maze: a touch penalty puts the faster robot behind', () => {
  expectScenario(scenario);
});
