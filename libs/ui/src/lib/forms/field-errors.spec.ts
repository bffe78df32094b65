import { judgeSignInSchema, organiserSetupSchema } from '@olympiad/contracts';
import { problemsFromApiIssues, problemsFromIssues, problemText } from './field-errors';

describe('problemsFromIssues with the contracts’ schemas', () => {
  it('names each bad field of the organiser setup with a catalog key', () => {
    const result = organiserSetupSchema.safeParse({ token: '', username: 'ab', password: 'short' });
    expect(result.success).toBe(false);
    const problems = problemsFromIssues(result.error?.issues ?? []);
    expect(problemText('kk', problems['token'])).toBe('Міндетті өріс');
    expect(problemText('ru', problems['username'])).toBe('Не меньше 3 символов');
    expect(problemText('en', problems['password'])).toBe('At least 10 characters');
  });

  it('uses the more helpful key given for a format error', () => {
    const result = judgeSignInSchema.safeParse({ stageCode: 'AKM-25', pin: '12' });
    const problems = problemsFromIssues(result.error?.issues ?? [], {
      pin: 'validation.pinDigits',
    });
    expect(Object.keys(problems)).toEqual(['pin']);
    expect(problemText('kk', problems['pin'])).toBe('PIN 4–8 цифрдан тұрады');
  });

  it('calls a missing field required', () => {
    const result = judgeSignInSchema.safeParse({ pin: '1234' });
    expect(problemText('en', problemsFromIssues(result.error?.issues ?? [])['stageCode'])).toBe(
      'Required',
    );
  });
});

describe('problemsFromApiIssues', () => {
  it('keeps the server’s key and message per field', () => {
    const problems = problemsFromApiIssues([
      { path: 'season', key: 'errors.somethingNew', message: 'Bad season' },
    ]);
    expect(problemText('kk', problems['season'])).toBe('Bad season');
  });
});
