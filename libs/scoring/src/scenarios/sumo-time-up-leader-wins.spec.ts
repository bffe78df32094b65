import scenario from './__fixtures__/sumo-time-up-leader-wins.json';
import { expectScenario } from './expect-scenario';

it('Sumo: when the match time runs out, the robot with one point wins', () => {
  expectScenario(scenario);
});
