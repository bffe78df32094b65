import type { z } from 'zod';
import type { FieldError, Validated } from '../ledger.types';

export function ok<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function fail<T>(errors: FieldError[]): Validated<T> {
  return { ok: false, errors };
}

export function fieldError(
  path: string,
  key: string,
  message: string,
  params?: Record<string, string | number>,
): FieldError {
  return params ? { path, key, message, params } : { path, key, message };
}

/** Params a custom zod check attaches so that the issue becomes a keyed, parameterised message. */
export interface IssueParams {
  key: string;
  [param: string]: string | number;
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const parts = path.map((part) => String(part));
  if (prefix) parts.unshift(prefix);
  return parts.join('.');
}

function lastName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return String(path[i]);
  }
  return 'value';
}

/** Turns zod issues into FieldErrors: stable i18n keys, English messages that name the field. */
export function zodIssuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): FieldError[] {
  return issues.map((issue) => {
    const path = joinPath(prefix, issue.path);
    const name = lastName(issue.path);
    switch (issue.code) {
      case 'custom': {
        const params = issue.params as IssueParams | undefined;
        if (params?.key) {
          const { key, ...rest } = params;
          return fieldError(path, key, issue.message, { field: name, ...rest });
        }
        return fieldError(path, 'scoring.validation.invalid', issue.message, { field: name });
      }
      case 'invalid_type':
        return fieldError(
          path,
          'scoring.validation.type',
          issue.input === undefined
            ? `${name} is required`
            : `${name} must be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`,
          { field: name, expected: String(issue.expected) },
        );
      case 'too_small':
        return fieldError(
          path,
          'scoring.validation.tooSmall',
          `${name} must be at least ${String(issue.minimum)}`,
          {
            field: name,
            min: Number(issue.minimum),
          },
        );
      case 'too_big':
        return fieldError(
          path,
          'scoring.validation.tooBig',
          `${name} must be at most ${String(issue.maximum)}`,
          {
            field: name,
            max: Number(issue.maximum),
          },
        );
      case 'unrecognized_keys':
        return fieldError(
          path,
          'scoring.validation.unknownField',
          `unknown field: ${issue.keys.join(', ')}`,
          {
            field: issue.keys.join(', '),
          },
        );
      case 'invalid_value':
        return fieldError(
          path,
          'scoring.validation.oneOf',
          `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
          { field: name, values: issue.values.map((v) => String(v)).join(', ') },
        );
      case 'invalid_union':
        return fieldError(path, 'scoring.validation.oneOf', `${name}: ${issue.message}`, {
          field: name,
        });
      default:
        return fieldError(path, 'scoring.validation.invalid', `${name}: ${issue.message}`, {
          field: name,
        });
    }
  });
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): Validated<T> {
  const result = schema.safeParse(input);
  return result.success
    ? ok(result.data)
    : fail(zodIssuesToFieldErrors(result.error.issues, prefix));
}
