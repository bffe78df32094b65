import type { z } from 'zod';
import { cloneJson } from '../common/deep-freeze';
import { fail, fieldError, ok, parseWith } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { presetRuleSet } from './presets';
import { RULE_SET_SCHEMAS, ruleSetSchema, type RuleSet } from './rule-set';
import { entryModeSchema } from '../double-entry/entry-mode';

/**
 * A preset with the organiser's overrides applied, then validated as a whole. An override key is a
 * parameter name or a dotted path ("touchPenalty.ms", "match.pointsToWin"); its value replaces the
 * value at that path. Error paths are relative to the parameters ("attempts").
 */
export function buildRuleSet(
  presetName: string,
  overrides: Record<string, unknown> = {},
): Validated<RuleSet> {
  const base = presetRuleSet(presetName);
  if (!base) {
    return fail([
      fieldError(
        'preset',
        'scoring.rules.unknownPreset',
        `no rule-set preset named "${presetName}"`,
        {
          value: presetName,
        },
      ),
    ]);
  }
  const params = cloneJson(base.params) as unknown as Record<string, unknown>;
  const errors: FieldError[] = [];
  // `entry` is the rule set's own option, beside its parameters (docs/rules.md#double-entry).
  const { entry, ...paramOverrides } = overrides;
  const entryMode = entry === undefined ? null : entryModeSchema.safeParse(entry);
  if (entryMode && !entryMode.success) {
    errors.push(
      fieldError('entry', 'scoring.rules.entryMode', 'entry is "single" or "double"', {
        field: 'entry',
      }),
    );
  }
  for (const [path, value] of Object.entries(paramOverrides)) {
    if (!setAtPath(params, path.split('.'), value)) {
      errors.push(
        fieldError(
          path,
          'scoring.rules.unknownParameter',
          `"${path}" is not a parameter of ${presetName}`,
          { field: path },
        ),
      );
    }
  }
  if (errors.length > 0) return fail(errors);
  const schema: z.ZodType<RuleSet['params']> = RULE_SET_SCHEMAS[base.discipline].shape.params;
  const parsed = parseWith(schema, params);
  if (!parsed.ok) return fail(parsed.errors);
  const withEntry = entryMode?.success ? { entry: entryMode.data } : {};
  return ok({ ...base, ...withEntry, params: parsed.value } as RuleSet);
}

/** A rule set read back from storage: the shape, the discipline's schema version and every range. */
export function validateRuleSet(input: unknown): Validated<RuleSet> {
  return parseWith(ruleSetSchema, input) as Validated<RuleSet>;
}

function setAtPath(target: Record<string, unknown>, segments: string[], value: unknown): boolean {
  let node: unknown = target;
  for (let i = 0; i < segments.length - 1; i++) {
    node = childOf(node, segments[i]);
    if (node === undefined) return false;
  }
  const last = segments[segments.length - 1];
  if (childOf(node, last) === undefined) return false;
  (node as Record<string, unknown>)[last] = value;
  return true;
}

function childOf(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  if (node && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, key)) {
    return (node as Record<string, unknown>)[key];
  }
  return undefined;
}
