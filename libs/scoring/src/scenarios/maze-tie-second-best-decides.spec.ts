import scenario from './__fixtures__/maze-tie-second-best-decides.json';
import { expectScenario } from './expect-scenario';

it('Maze: equal best attempts, the second-best attempt decides', () => {
  expectScenario(scenario);
});
