import scenario from './__fixtures__/sumo-round-robin-head-to-head.json';
import { expectScenario } from './expect-scenario';

it('Sumo: level on points in a group, head-to-head comes before rounds won', () => {
  expectScenario(scenario);
});
