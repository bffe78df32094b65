import scenario from './__fixtures__/maze-checkpoints-partial-ranking.json';
import { expectScenario } from './expect-scenario';

it('Maze with checkpoints: finished first, then more points (touches cost points), then time', () => {
  expectScenario(scenario);
});
