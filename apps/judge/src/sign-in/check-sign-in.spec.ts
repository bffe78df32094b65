import { judgeSignInSchema } from '@olympiad/contracts';
import { checkSignIn } from './check-sign-in';

describe('checkSignIn', () => {
  it.each([
    ['AKT-2026', '2580'],
    ['AK', '2580'],
    ['A'.repeat(33), '2580'],
    ['AKT-2026', '123'],
    ['AKT-2026', '123456789'],
    ['  AKT  ', '12a4'],
  ])('agrees with the server’s schema on %s / %s', (stageCode, pin) => {
    const issues = checkSignIn(stageCode, pin);
    const server = judgeSignInSchema.safeParse({ stageCode, pin });
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(
      server.success ? [] : server.error.issues.map((issue) => issue.path.join('.')),
    );
  });
});
