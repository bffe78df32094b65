import scenario from './__fixtures__/maze-sum-of-best-two.json';
import { expectScenario } from './expect-scenario';

it('Maze: the team result is the sum of its two best attempts', () => {
  expectScenario(scenario);
});
