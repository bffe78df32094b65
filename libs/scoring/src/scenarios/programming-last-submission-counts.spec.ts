import scenario from './__fixtures__/programming-last-submission-counts.json';
import { expectScenario } from './expect-scenario';

it("Programming: with 'last' submissions, a worse last try replaces a better one", () => {
  expectScenario(scenario);
});
