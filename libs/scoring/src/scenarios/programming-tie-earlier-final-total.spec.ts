import scenario from './__fixtures__/programming-tie-earlier-final-total.json';
import { expectScenario } from './expect-scenario';

it('Programming: equal totals, the team that reached its final total earlier is ahead', () => {
  expectScenario(scenario);
});
