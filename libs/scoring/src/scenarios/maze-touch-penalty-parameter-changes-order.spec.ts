import scenario from './__fixtures__/maze-touch-penalty-parameter-changes-order.json';
import { expectScenario } from './expect-scenario';

it('Maze: the touch penalty is a parameter; 5 s instead of 10 s changes the winner', () => {
  expectScenario(scenario);
});
