import scenario from './__fixtures__/sumo-two-warnings-give-point.json';
import { expectScenario } from './expect-scenario';

it('Sumo: two warnings give the opponent a point', () => {
  expectScenario(scenario);
});
