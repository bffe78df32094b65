import scenario from './__fixtures__/maze-mean-of-attempts.json';
import { expectScenario } from './expect-scenario';

it('Maze: the team result is the mean of all attempts, compared exactly', () => {
  expectScenario(scenario);
});
