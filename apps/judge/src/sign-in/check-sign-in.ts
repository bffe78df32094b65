import type { SchemaIssue } from '@olympiad/ui';

/**
 * The sign-in form's check, the same limits as `judgeSignInSchema` of libs/contracts (the server
 * applies that one). Written out here so that the sign-in screen does not load zod: it is the
 * first thing a tablet downloads over the venue Wi-Fi.
 */
export function checkSignIn(stageCode: string, pin: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const code = stageCode.trim();
  if (code.length < 3) {
    issues.push({
      code: 'too_small',
      origin: 'string',
      minimum: 3,
      path: ['stageCode'],
      message: 'too short',
    });
  } else if (code.length > 32) {
    issues.push({
      code: 'too_big',
      origin: 'string',
      maximum: 32,
      path: ['stageCode'],
      message: 'too long',
    });
  }
  if (!/^\d{4,8}$/.test(pin)) {
    issues.push({ code: 'invalid_format', path: ['pin'], message: 'a PIN is 4 to 8 digits' });
  }
  return issues;
}
