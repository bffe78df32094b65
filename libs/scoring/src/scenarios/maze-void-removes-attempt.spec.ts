import scenario from './__fixtures__/maze-void-removes-attempt.json';
import { expectScenario } from './expect-scenario';

it('Maze: a void entry removes an attempt; the team falls back to its next attempt', () => {
  expectScenario(scenario);
});
