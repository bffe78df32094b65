import scenario from './__fixtures__/maze-attempt-over-limit-rejected.json';
import { expectScenario } from './expect-scenario';

it('Maze: entries that break the rules are refused before they reach the ledger', () => {
  expectScenario(scenario);
});
