import { z } from 'zod';

/** An integer in [min, max] whose error reads "attempts must be 1–10". */
export function intRange(min: number, max: number) {
  return z
    .number()
    .int()
    .refine((value) => value >= min && value <= max, {
      error: (issue) => `${fieldName(issue.path)} must be ${min}–${max}`,
      params: { key: 'scoring.validation.range', min, max },
    });
}

/** An integer ≥ min with a keyed error. */
export function intAtLeast(min: number) {
  return z
    .number()
    .int()
    .refine((value) => value >= min && Number.isSafeInteger(value), {
      error: (issue) => `${fieldName(issue.path)} must be a whole number of at least ${min}`,
      params: { key: 'scoring.validation.atLeast', min },
    });
}

/** Identifiers of tasks, criteria, checkpoints: short, stable, printable. */
export const idString = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'an id is 1–40 letters, digits, "_" or "-"');

function fieldName(path: readonly PropertyKey[] | undefined): string {
  if (!path) return 'value';
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === 'string') return String(path[i]);
  }
  return 'value';
}

/** Used by every rule-set schema for lists that must not repeat an id. */
export function reportDuplicates(ctx: z.RefinementCtx, ids: readonly string[], path: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: [path, index],
        message: `${path} lists "${id}" twice`,
        params: { key: 'scoring.validation.duplicate', value: id },
      });
    }
    seen.add(id);
  });
}
