import scenario from './__fixtures__/creative-tie-originality-then-engineering.json';
import { expectScenario } from './expect-scenario';

it('Creative: equal totals are split by originality, then by engineering', () => {
  expectScenario(scenario);
});
