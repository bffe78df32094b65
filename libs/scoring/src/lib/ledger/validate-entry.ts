import { fail, fieldError, ok, parseWith } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import type { RuleSet } from '../rule-set/rule-set';
import type { EntryKindSpec } from '../standings/discipline-engine';
import { engineFor } from '../standings/engines';
import {
  RANKING_DECISION,
  rankingDecisionPayloadSchema,
  TEAM_STATUS,
  teamStatusPayloadSchema,
  VOID,
  voidPayloadSchema,
} from './generic-entries';

export interface EntryInput {
  kind: string;
  teamId: string | null;
  payload: unknown;
  /** When given, a 'void' entry is checked to name the entry it removes. */
  supersedes?: string | null;
}

const GENERIC_KINDS: Readonly<Record<string, EntryKindSpec<RuleSet>>> = {
  [VOID]: { schema: voidPayloadSchema, team: 'any' },
  [TEAM_STATUS]: { schema: teamStatusPayloadSchema, team: 'required' },
  [RANKING_DECISION]: { schema: rankingDecisionPayloadSchema, team: 'none' },
};

/** The entry kinds a rule set accepts, discipline kinds first. */
export function entryKindsOf(ruleSet: RuleSet): string[] {
  return [...Object.keys(engineFor(ruleSet).kinds), ...Object.keys(GENERIC_KINDS)];
}

/**
 * Checks one ledger entry against the rule set before the server accepts it: a kind the
 * discipline knows, the team field, the payload's shape and every range that depends on the rules.
 * Returns the payload as parsed (defaults applied).
 */
export function validateEntry(
  ruleSet: RuleSet,
  entry: EntryInput,
): Validated<{ kind: string; teamId: string | null; payload: unknown }> {
  const engine = engineFor(ruleSet);
  const spec =
    (engine.kinds[entry.kind] as EntryKindSpec<RuleSet> | undefined) ?? GENERIC_KINDS[entry.kind];
  if (!spec) {
    return fail([
      fieldError(
        'kind',
        'scoring.ledger.unknownKind',
        `a ${ruleSet.discipline} category takes ${entryKindsOf(ruleSet).join(', ')}; not "${entry.kind}"`,
        {
          value: entry.kind,
          discipline: ruleSet.discipline,
        },
      ),
    ]);
  }
  const errors: FieldError[] = [];
  const teamRule = spec.team;
  if (teamRule === 'required' && !entry.teamId) {
    errors.push(
      fieldError('teamId', 'scoring.ledger.teamRequired', `a ${entry.kind} entry names its team`),
    );
  }
  if (teamRule === 'none' && entry.teamId !== null) {
    errors.push(
      fieldError(
        'teamId',
        'scoring.ledger.teamNotAllowed',
        `a ${entry.kind} entry names no single team (teamId null)`,
      ),
    );
  }
  if (entry.kind === VOID && entry.supersedes === null) {
    errors.push(
      fieldError(
        'supersedes',
        'scoring.ledger.voidNeedsTarget',
        'a void entry names the entry it removes',
      ),
    );
  }
  const parsed = parseWith(spec.schema, entry.payload, 'payload');
  if (!parsed.ok) return fail([...errors, ...parsed.errors]);
  if (spec.check) {
    const check = spec.check as (r: RuleSet, p: unknown) => FieldError[];
    for (const error of check(ruleSet, parsed.value)) {
      errors.push({ ...error, path: error.path ? `payload.${error.path}` : 'payload' });
    }
  }
  if (errors.length > 0) return fail(errors);
  return ok({ kind: entry.kind, teamId: entry.teamId, payload: parsed.value });
}
