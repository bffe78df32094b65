/**
 * Request bodies made from the JSON Schema of a route in the OpenAPI document the server serves
 * (built from libs/contracts' route table): one that fits the schema, and the same with each field
 * wrong in turn. Random choices come from the caller's seeded `random`, so a seed replays a run.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** JSON text JSON.stringify cannot write (a number beyond 2^53 or 1e400, nesting 10,000 deep): spliced in as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson parts. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof RawJson) {
      raws.push(inner.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return inner;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]);
}

/** An object nested 10,000 deep: fine for JSON.parse, fatal for anything that recurses over it. */
export const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);

export type Random = () => number;

/** mulberry32: a small seeded generator, enough to replay a run from its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)];

/** Strings tried against a schema's pattern, in order; the first that matches is used. */
const PATTERN_CANDIDATES = [
  'maze.attempt',
  '123456',
  'abc123',
  'ABC123',
  'judge-1',
  'decision',
  'criterion:design',
  '2026-12-05',
  'mqtts://192.168.1.10:8883',
  'tcp://192.168.1.10:1883',
  '0'.repeat(64),
  'A'.repeat(43),
  Array.from({ length: 32 }, () => 'AB').join(':'),
];

export interface BodyContext {
  random: Random;
  /** Ids of real rows (stage, category, team …): a uuid field takes one of these or a fresh one. */
  ids: string[];
  /** The real row a field of this name refers to (categoryId → the category), so bodies get past "not found". */
  named: Record<string, string>;
  resolve(ref: string): JsonSchema;
}

function deref(schema: JsonSchema, ctx: BodyContext): JsonSchema {
  return schema.$ref ? deref(ctx.resolve(schema.$ref), ctx) : schema;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

export function randomUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function validString(schema: JsonSchema, ctx: BodyContext, name?: string): string {
  if (schema.format === 'uuid' && name && ctx.named[name]) return ctx.named[name];
  if (schema.format === 'uuid')
    return ctx.ids.length && ctx.random() < 0.8
      ? pick(ctx.random, ctx.ids)
      : randomUuid(ctx.random);
  if (schema.format === 'date-time') return new Date(Date.UTC(2026, 11, 5, 10, 0, 0)).toISOString();
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const found = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? Math.max(min, 12);
  const base = pick(ctx.random, ['Қыран', 'Тұлпар', 'Robot', 'Шагай']);
  return base.padEnd(min, 'ә').slice(0, Math.max(min, Math.min(max, base.length)));
}

function validNumber(schema: JsonSchema, integer: boolean, ctx: BodyContext): number {
  const min =
    schema.minimum ??
    (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0);
  const max =
    schema.maximum ??
    (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : min + 100);
  const value = min + ctx.random() * Math.max(0, max - min);
  return integer ? Math.ceil(value) : value;
}

/** A value that fits the schema (as far as JSON Schema says: zod's refinements may still refuse it). */
export function validValue(input: JsonSchema, ctx: BodyContext, depth = 0, name?: string): unknown {
  const schema = deref(input, ctx);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(ctx.random, schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const usable = alternatives.filter(
      (alt) => !typesOf(deref(alt, ctx)).every((type) => type === 'null'),
    );
    return validValue(pick(ctx.random, usable.length ? usable : alternatives), ctx, depth, name);
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => validValue(part, ctx, depth) as object));
  }
  const types = typesOf(schema).filter((type) => type !== 'null');
  switch (types[0]) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || (depth < 3 && ctx.random() < 0.5))
          value[name] = validValue(property, ctx, depth + 1, name);
      }
      return value;
    }
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 2, 1));
      return Array.from({ length: count }, () =>
        schema.items ? validValue(schema.items, ctx, depth + 1) : 1,
      );
    }
    case 'string':
      return validString(schema, ctx, name);
    case 'integer':
      return validNumber(schema, true, ctx);
    case 'number':
      return validNumber(schema, false, ctx);
    case 'boolean':
      return ctx.random() < 0.5;
    default:
      return schema.nullable || typesOf(schema).includes('null') ? null : 'x';
  }
}

/** Values of the wrong kind for a field of this schema: a type, a range, a length, a look-alike. */
export function wrongValues(input: JsonSchema, ctx: BodyContext): unknown[] {
  const schema = deref(input, ctx);
  const types = typesOf(schema);
  const nullable = schema.nullable || types.includes('null');
  const wrong: unknown[] = [{ nested: true }, [1, 2], new RawJson(DEEP_OBJECT)];
  if (!nullable) wrong.push(null);
  if (schema.enum) {
    // Cyrillic о and а where the enum has Latin o and a: a confusable value must not pass.
    const sample = String(schema.enum[0]);
    wrong.push(
      sample.replace(/o/g, 'о').replace(/a/g, 'а') + (/[oa]/.test(sample) ? '' : '\u200b'),
      42,
    );
    return wrong;
  }
  if (types.includes('string')) {
    wrong.push(42, true, 'x'.repeat(100_000), 'Қыран\u0000');
    if ((schema.minLength ?? 0) > 0) wrong.push('');
    if (schema.format === 'uuid')
      wrong.push(
        'not-an-id',
        randomUuid(ctx.random).replace(/a/g, 'а'),
        '00000000-0000-0000-0000-00000000000',
      );
    if (schema.format === 'date-time') wrong.push('2026-02-30T25:61:00Z', '１２:００');
  }
  if (types.includes('integer') || types.includes('number')) {
    wrong.push(
      '12',
      new RawJson('9007199254740993'),
      new RawJson('1e400'),
      new RawJson('-1e400'),
      1.5,
      -1,
    );
    if (schema.maximum !== undefined) wrong.push(schema.maximum + 1);
  }
  if (types.includes('boolean')) wrong.push('true', 1);
  if (types.includes('array'))
    wrong.push(
      { 0: 'a' },
      Array.from({ length: 10_000 }, () => 1),
    );
  if (types.includes('object')) wrong.push('{}', [{}]);
  return wrong;
}

/** Paths (as key lists) of the fields of a body schema, down to `maxDepth` levels. */
export function fieldPaths(
  input: JsonSchema,
  ctx: BodyContext,
  maxDepth = 2,
  prefix: string[] = [],
): { path: string[]; schema: JsonSchema }[] {
  const schema = deref(input, ctx);
  const found: { path: string[]; schema: JsonSchema }[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    found.push({ path, schema: property });
    if (path.length < maxDepth) found.push(...fieldPaths(property, ctx, maxDepth, path));
  }
  return found;
}

/** A copy of `body` with the field at `path` set to `value` (its parents made when missing). */
export function withField(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}
