import {
  categoryStatusSchema,
  disciplineSchema,
  judgeRoleSchema,
  stageKindSchema,
  stageStatusSchema,
  teamStatusSchema,
} from '@olympiad/contracts';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { publicKeyFromText, publicKeyText } from './venue-key';

/** The first bytes of every bundle file. */
export const BUNDLE_MAGIC = Buffer.from('OLYMPIAD-BUNDLE\n', 'ascii');
export const BUNDLE_VERSION = 2;
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const HEADER_BYTES = BUNDLE_MAGIC.length + 1 + KEY_BYTES;
/** Far above a 1,000-team stage; refuses a gzip bomb before it fills the memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

const id = z.string().min(1).max(60);
const text = z.string().max(2000);
const time = z.string().max(40);

const stageSchema = z.strictObject({
  id,
  olympiad: z.strictObject({ id, name: text, season: text }),
  kind: stageKindSchema,
  regionCode: z.string().max(40).nullable(),
  name: text,
  venue: text,
  startsOn: time,
  endsOn: time,
  code: z.string().max(32),
  status: stageStatusSchema,
});
const categorySchema = z.strictObject({
  id,
  discipline: disciplineSchema,
  name: text,
  ageGroupLabel: text,
  minGrade: z.number().int(),
  maxGrade: z.number().int(),
  preset: text,
  ruleSet: z.record(z.string(), z.unknown()),
  status: categoryStatusSchema,
  published: z.boolean(),
  lockedAt: time.nullable(),
  publishedAt: time.nullable(),
  templateRuleSet: z.record(z.string(), z.unknown()).nullable(),
});
const schoolSchema = z.strictObject({ id, name: text, regionCode: z.string().max(40), town: text });
const teamSchema = z.strictObject({
  id,
  categoryId: id,
  schoolId: id,
  name: text,
  coach: text,
  status: teamStatusSchema,
  checkedInAt: time.nullable(),
  members: z.array(
    z.strictObject({ id, name: text, grade: z.number().int(), position: z.number().int() }),
  ),
});
const judgeSchema = z.strictObject({
  id,
  name: text,
  role: judgeRoleSchema,
  active: z.boolean(),
  categoryIds: z.array(id),
  fieldIds: z.array(id),
});
const ledgerEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  id,
  categoryId: id,
  teamId: id.nullable(),
  kind: z.string().max(60),
  payload: z.record(z.string(), z.unknown()),
  supersedes: id.nullable(),
  reason: text.nullable(),
  authorId: id,
  authorRole: z.string().max(20),
  deviceId: z.string().max(40).nullable(),
  recordedAt: time,
  awaitsConfirmation: z.boolean(),
  receivedAt: time,
});
const qualificationSchema = z.strictObject({
  id,
  sourceTeamId: id,
  targetStageId: id,
  targetTeamId: id,
  reason: z.string().max(20),
  note: text,
  enteredBy: z.string().max(60),
  enteredAt: time,
});

const group = <K extends string, T extends z.ZodType>(kind: K, item: T) =>
  z.strictObject({ kind: z.literal(kind), items: z.array(item) });

/**
 * The groups in the order a reader applies them: everything a row refers to comes in an earlier
 * group (a tuple, because canonical JSON sorts object keys and would lose that order).
 */
const groupsSchema = z.tuple([
  group('stage', stageSchema).refine((g) => g.items.length === 1, 'exactly one stage'),
  group('category', categorySchema),
  group('school', schoolSchema),
  group('team', teamSchema),
  group('judge', judgeSchema),
  group('ledger', ledgerEntrySchema),
  group('qualification', qualificationSchema),
]);

export const stageBundleSchema = z
  .strictObject({
    format: z.literal('olympiad-stage-bundle'),
    version: z.literal(BUNDLE_VERSION),
    stageId: id,
    venuePublicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    createdAt: time,
    /** The highest ledger seq in the bundle (0 for none). */
    highWaterSeq: z.number().int().nonnegative(),
    /**
     * Counts the venue's snapshots of the stage: the receiver applies the stage, categories,
     * schools, teams and judges only from a snapshot newer than the last it applied.
     */
    snapshotNo: z.number().int().nonnegative(),
    /** Whether the groups other than the stage and the ledger hold the stage's whole state. */
    snapshot: z.boolean(),
    /** Whether the ledger group holds every entry of the stage (a bundle file) or some (a batch). */
    complete: z.boolean(),
    /** Items the venue still had waiting after this one was made. */
    pendingAfter: z.number().int().nonnegative(),
    /** The link code's secret, when the venue was linked by file and claims the stage by bundle. */
    claimSecret: z.string().max(100).nullable(),
    groups: groupsSchema,
  })
  .refine(
    (bundle) =>
      bundle.snapshot ||
      bundle.groups.every((g) => g.kind === 'stage' || g.kind === 'ledger' || g.items.length === 0),
    'a batch without a snapshot carries only the stage and ledger entries',
  );

export type StageBundle = z.infer<typeof stageBundleSchema>;
export type BundleStage = z.infer<typeof stageSchema>;
export type BundleCategory = z.infer<typeof categorySchema>;
export type BundleSchool = z.infer<typeof schoolSchema>;
export type BundleTeam = z.infer<typeof teamSchema>;
export type BundleJudge = z.infer<typeof judgeSchema>;
export type BundleLedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type BundleQualification = z.infer<typeof qualificationSchema>;

export interface StageRows {
  stage: BundleStage;
  categories: BundleCategory[];
  schools: BundleSchool[];
  teams: BundleTeam[];
  judges: BundleJudge[];
  ledger: BundleLedgerEntry[];
  qualification: BundleQualification[];
}

/** How much of the stage a bundle or batch carries; a bundle file carries everything. */
export interface BundleScope {
  snapshotNo: number;
  snapshot: boolean;
  complete: boolean;
  pendingAfter: number;
  claimSecret: string | null;
}

const WHOLE_STAGE: BundleScope = {
  snapshotNo: 0,
  snapshot: true,
  complete: true,
  pendingAfter: 0,
  claimSecret: null,
};

/** A bundle of one stage from its plain rows; ledger entries in seq order, other groups by id. */
export function buildStageBundle(
  rows: StageRows,
  venuePublicKey: string,
  createdAt: Date,
  scope: BundleScope = WHOLE_STAGE,
): StageBundle {
  const byId = <T extends { id: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ledger = [...rows.ledger].sort((a, b) => a.seq - b.seq);
  return {
    format: 'olympiad-stage-bundle',
    version: BUNDLE_VERSION,
    stageId: rows.stage.id,
    venuePublicKey,
    createdAt: createdAt.toISOString(),
    highWaterSeq: ledger.at(-1)?.seq ?? 0,
    ...scope,
    groups: [
      { kind: 'stage', items: [rows.stage] },
      { kind: 'category', items: byId(rows.categories) },
      { kind: 'school', items: byId(rows.schools) },
      { kind: 'team', items: byId(rows.teams) },
      { kind: 'judge', items: byId(rows.judges) },
      { kind: 'ledger', items: ledger },
      { kind: 'qualification', items: byId(rows.qualification) },
    ],
  };
}

/**
 * JSON with object keys sorted at every level and no whitespace, so the same content always gives
 * the same bytes whatever order its keys were built in. Undefined object members are left out, as
 * JSON.stringify does; what JSON cannot carry faithfully is refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(`canonicalJson: a ${typeof value} has no JSON form`);
}

/**
 * The file: magic, version byte, the venue's raw public key, gzip of the canonical JSON, then the
 * Ed25519 signature of everything before it. The header is signed too, and the compressed bytes
 * are signed exactly as they travel, so a reader checks the signature before unpacking anything.
 */
export function encodeBundle(bundle: StageBundle, privateKey: KeyObject): Buffer {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('encodeBundle: an Ed25519 private key is needed');
  const checked = stageBundleSchema.parse(bundle);
  const signer = publicKeyText(createPublicKey(privateKey));
  if (signer !== checked.venuePublicKey)
    throw new Error('encodeBundle: the bundle names another venue key than the one signing it');
  const header = Buffer.concat([
    BUNDLE_MAGIC,
    Buffer.from([BUNDLE_VERSION]),
    Buffer.from(signer, 'base64url'),
  ]);
  const body = Buffer.concat([header, gzipSync(canonicalJson(checked), { level: 9 })]);
  return Buffer.concat([body, sign(null, body, privateKey)]);
}

export type BundleErrorReason = 'not-a-bundle' | 'unsupported-version' | 'damaged' | 'foreign-key';

const REASON_KEYS: Record<BundleErrorReason, string> = {
  'not-a-bundle': 'federation.notABundle',
  'unsupported-version': 'federation.unsupportedVersion',
  damaged: 'federation.damaged',
  'foreign-key': 'federation.foreignKey',
};

/** Why a file was refused; `key` is the i18n message key for the person who chose the file. */
export class BundleError extends Error {
  readonly key: string;
  constructor(
    readonly reason: BundleErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
    this.key = REASON_KEYS[reason];
  }
}

/**
 * Reads a bundle file: the header, the signature with the key the header names (and, when given,
 * that this is the key expected for the stage), and only then unpacks and validates the JSON.
 */
export function decodeBundle(
  bytes: Buffer,
  options: { expectedPublicKey?: string } = {},
): StageBundle {
  if (
    bytes.length < BUNDLE_MAGIC.length + 1 ||
    !bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)
  ) {
    throw new BundleError('not-a-bundle', 'The file does not start like an olympiad bundle');
  }
  const version = bytes[BUNDLE_MAGIC.length];
  if (version !== BUNDLE_VERSION) {
    throw new BundleError(
      'unsupported-version',
      `Bundle version ${version} cannot be read; this server reads version ${BUNDLE_VERSION}`,
    );
  }
  if (bytes.length < HEADER_BYTES + SIGNATURE_BYTES + 1)
    throw new BundleError('damaged', 'The bundle is cut short');
  const named = bytes.subarray(BUNDLE_MAGIC.length + 1, HEADER_BYTES).toString('base64url');
  const body = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  const signature = bytes.subarray(bytes.length - SIGNATURE_BYTES);
  let signed: boolean;
  try {
    signed = verify(null, body, publicKeyFromText(named), signature);
  } catch {
    signed = false;
  }
  if (!signed)
    throw new BundleError(
      'damaged',
      'The signature does not match the bundle: it was changed or damaged after signing',
    );
  if (options.expectedPublicKey !== undefined && named !== options.expectedPublicKey) {
    throw new BundleError(
      'foreign-key',
      'The bundle was signed by another venue key than the one expected',
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(
      gunzipSync(body.subarray(HEADER_BYTES), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8'),
    );
  } catch {
    throw new BundleError('damaged', 'The bundle content cannot be unpacked');
  }
  const parsed = stageBundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError(
      'damaged',
      `The bundle content is not valid: ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  if (parsed.data.venuePublicKey !== named)
    throw new BundleError(
      'damaged',
      'The bundle names another venue key than the one that signed it',
    );
  if (parsed.data.groups[0].items[0].id !== parsed.data.stageId)
    throw new BundleError('damaged', 'The bundle holds another stage than it names');
  return parsed.data;
}
