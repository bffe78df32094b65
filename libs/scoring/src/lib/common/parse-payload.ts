import type { z } from 'zod';

const INVALID = Symbol('invalid');
const caches = new WeakMap<z.ZodType, WeakMap<object, unknown>>();

/**
 * Parses a stored ledger payload, or null when it does not fit the schema. Results are remembered
 * per payload object (ledger records are never changed once stored), so recomputing standings over
 * the same ledger does not validate every entry again.
 */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T | null {
  if (payload === null || typeof payload !== 'object') {
    const result = schema.safeParse(payload);
    return result.success ? result.data : null;
  }
  let cache = caches.get(schema);
  if (!cache) {
    cache = new WeakMap();
    caches.set(schema, cache);
  }
  const hit = cache.get(payload);
  if (hit !== undefined) return hit === INVALID ? null : (hit as T);
  const result = schema.safeParse(payload);
  cache.set(payload, result.success ? result.data : INVALID);
  return result.success ? result.data : null;
}
