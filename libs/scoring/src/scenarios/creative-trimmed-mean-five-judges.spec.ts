import scenario from './__fixtures__/creative-trimmed-mean-five-judges.json';
import { expectScenario } from './expect-scenario';

it('Creative: with five judges the highest and lowest marks are dropped (trimmed mean)', () => {
  expectScenario(scenario);
});
