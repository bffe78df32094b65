import scenario from './__fixtures__/sumo-disqualification-loses-match.json';
import { expectScenario } from './expect-scenario';

it('Sumo: a major violation loses the match whatever the score', () => {
  expectScenario(scenario);
});
