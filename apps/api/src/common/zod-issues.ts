import type { ApiErrorBody } from '@olympiad/contracts';
import { ZodError } from 'zod';

type Issue = NonNullable<ApiErrorBody['issues']>[number];

/** zod's issues as the API reports them: a dotted path, a message key and an English message. */
export function issuesFromZod(error: unknown): Issue[] {
  if (!(error instanceof ZodError)) {
    return [{ path: '', key: 'errors.validation', message: String(error) }];
  }
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: `validation.${issue.code}`,
    message: issue.message,
  }));
}
