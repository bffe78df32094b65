import scenario from './__fixtures__/maze-correction-replaces-attempt.json';
import { expectScenario } from './expect-scenario';

it('Maze: a correction replaces the attempt it supersedes; a chain of corrections keeps the newest', () => {
  expectScenario(scenario);
});
