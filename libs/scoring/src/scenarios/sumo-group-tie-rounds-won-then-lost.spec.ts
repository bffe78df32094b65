import scenario from './__fixtures__/sumo-group-tie-rounds-won-then-lost.json';
import { expectScenario } from './expect-scenario';

it('Sumo: a three-way tie in a group is split by rounds won, then rounds lost', () => {
  expectScenario(scenario);
});
