import scenario from './__fixtures__/creative-top-mark-needs-comment.json';
import { expectScenario } from './expect-scenario';

it('Creative: a top mark needs a written comment; marks must be on the scale and cover every criterion', () => {
  expectScenario(scenario);
});
