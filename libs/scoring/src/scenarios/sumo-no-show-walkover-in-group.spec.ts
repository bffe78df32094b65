import scenario from './__fixtures__/sumo-no-show-walkover-in-group.json';
import { expectScenario } from './expect-scenario';

it('Sumo: a no-show loses the match (counted 2–0); a level group match at time-up is a draw worth 1 point', () => {
  expectScenario(scenario);
});
