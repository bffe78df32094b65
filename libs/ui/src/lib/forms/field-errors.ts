import { type Lang, type MessageKey, type MessageParams, translateKey } from '@olympiad/i18n';
import type { ApiIssue } from '../api/api-error';

/** A problem with one form field, as a catalog key (translated when shown). */
export interface FieldProblem {
  key: MessageKey | string;
  /** Shown when `key` is not in the catalogs. */
  fallback: string;
  params?: MessageParams;
}

export type FieldProblems = Record<string, FieldProblem>;

/** The parts of a zod issue this needs (zod 4's issue objects have them). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

function problemOf(issue: SchemaIssue): FieldProblem {
  const fallback = issue.message;
  if (issue.code === 'invalid_type') return { key: 'validation.required', fallback };
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? { key: 'validation.required', fallback }
      : { key: 'validation.tooShort', fallback, params: { min: Number(issue.minimum) } };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { key: 'validation.tooLong', fallback, params: { max: Number(issue.maximum) } };
  }
  return { key: 'validation.invalid', fallback };
}

/**
 * Field problems from a schema's issues (zod's `error.issues`), first problem per field. `keys`
 * names a more helpful message for a field than the generic one, e.g. `{ pin: 'validation.pinDigits' }`
 * for a format error of the PIN.
 */
export function problemsFromIssues(
  issues: readonly SchemaIssue[],
  keys: Partial<Record<string, MessageKey>> = {},
): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (problems[path]) continue;
    const problem = problemOf(issue);
    const special = keys[path];
    problems[path] =
      special && problem.key === 'validation.invalid' ? { ...problem, key: special } : problem;
  }
  return problems;
}

/** Field problems from the `issues` of an API error body. */
export function problemsFromApiIssues(issues: readonly ApiIssue[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    if (!problems[issue.path]) problems[issue.path] = { key: issue.key, fallback: issue.message };
  }
  return problems;
}

/** The text of a field problem in `lang`. */
export function problemText(lang: Lang, problem: FieldProblem | undefined): string | undefined {
  return problem ? translateKey(lang, problem.key, problem.fallback, problem.params) : undefined;
}
