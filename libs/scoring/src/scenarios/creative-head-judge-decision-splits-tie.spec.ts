import scenario from './__fixtures__/creative-head-judge-decision-splits-tie.json';
import { expectScenario } from './expect-scenario';

it("Creative: a tie left after every criterion is split by the head judge's decision", () => {
  expectScenario(scenario);
});
