import scenario from './__fixtures__/creative-normalised-removes-judge-bias.json';
import { expectScenario } from './expect-scenario';

it("Creative: per-judge normalisation removes a lenient or strict panel's bias", () => {
  expectScenario(scenario);
});
