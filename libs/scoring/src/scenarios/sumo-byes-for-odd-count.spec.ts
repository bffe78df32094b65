import scenario from './__fixtures__/sumo-byes-for-odd-count.json';
import { expectScenario } from './expect-scenario';

it('Sumo: with three teams the top seed gets a bye; a bye is not a match played', () => {
  expectScenario(scenario);
});
