import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BUNDLE_MAGIC,
  BundleError,
  buildStageBundle,
  canonicalJson,
  decodeBundle,
  encodeBundle,
  type BundleLedgerEntry,
  type BundleTeam,
  type StageRows,
} from './stage-bundle';
import { loadOrCreateVenueKey } from './venue-key';

const venueKey = () => loadOrCreateVenueKey(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-key-')));

/** A regional day: `teams` teams over 10 maze categories, `entries` ledger entries (some corrections). */
function syntheticStage(teams: number, entries: number): StageRows {
  const stageId = randomUUID();
  const categories = Array.from({ length: 10 }, (_, i) => ({
    id: randomUUID(),
    discipline: 'maze' as const,
    name: `Лабиринт ${i + 1}`,
    ageGroupLabel: '3–4',
    minGrade: 3,
    maxGrade: 4,
    preset: 'maze-default',
    ruleSet: {
      discipline: 'maze',
      attempts: 3,
      timeLimitMs: 120000,
      touchPenaltyMs: 5000,
      ranking: 'best-attempt',
    },
    status: 'running' as const,
    published: i % 2 === 0,
    lockedAt: null,
    publishedAt: i % 2 === 0 ? '2026-12-05T09:00:00.000Z' : null,
    templateRuleSet: null,
  }));
  const schools = Array.from({ length: 60 }, (_, i) => ({
    id: randomUUID(),
    name: `Ақтөбе №${i + 1} мектеп-гимназиясы`,
    regionCode: 'aktobe',
    town: 'Ақтөбе',
  }));
  const teamRows: BundleTeam[] = Array.from({ length: teams }, (_, i) => ({
    id: randomUUID(),
    categoryId: categories[i % categories.length].id,
    schoolId: schools[i % schools.length].id,
    name: `Қыран ${i + 1}`,
    coach: 'Серікова Гүлнар Маратқызы',
    status: 'active' as const,
    checkedInAt: '2026-12-05T03:10:00.000Z',
    members: [
      { id: randomUUID(), name: `Әлихан Серіков ${i}`, grade: 4, position: 0 },
      { id: randomUUID(), name: `Ұлжан Нұрланқызы ${i}`, grade: 3, position: 1 },
    ],
  }));
  const judges = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    name: `Төреші ${i + 1}`,
    role: i === 0 ? ('head-judge' as const) : ('judge' as const),
    active: true,
    categoryIds: [categories[i % categories.length].id],
    fieldIds: [],
  }));
  const ledger: BundleLedgerEntry[] = [];
  for (let seq = 1; seq <= entries; seq++) {
    const team = teamRows[seq % teamRows.length];
    const correction = seq % 10 === 0 ? ledger[seq - 2] : undefined;
    ledger.push({
      seq,
      id: randomUUID(),
      categoryId: team.categoryId,
      teamId: team.id,
      kind: 'maze.attempt',
      payload: {
        attempt: (seq % 3) + 1,
        outcome: 'finished',
        timeMs: 40000 + ((seq * 7919) % 60000),
        touches: seq % 4,
        checkpoints: [],
        lastCheckpointMs: null,
        endedBy: null,
        timing: 'stopwatch',
      },
      supersedes: correction?.id ?? null,
      reason: correction ? 'Секундомер қате басылды' : null,
      authorId: judges[seq % judges.length].id,
      authorRole: 'judge',
      deviceId: null,
      recordedAt: new Date(Date.UTC(2026, 11, 5, 4, 0, seq)).toISOString(),
      awaitsConfirmation: false,
      receivedAt: new Date(Date.UTC(2026, 11, 5, 4, 0, seq, 250)).toISOString(),
    });
  }
  return {
    stage: {
      id: stageId,
      olympiad: { id: randomUUID(), name: 'Робототехника олимпиадасы', season: '2026' },
      kind: 'regional',
      regionCode: 'aktobe',
      name: 'Ақтөбе облыстық кезеңі',
      venue: 'Ақтөбе, №21 мектеп',
      startsOn: '2026-12-05',
      endsOn: '2026-12-05',
      code: 'AKT-2026',
      status: 'live',
    },
    categories,
    schools,
    teams: teamRows,
    judges,
    ledger,
    qualification: [],
  };
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reverseKeys(member)]),
  );
}

function refusal(action: () => unknown): BundleError {
  try {
    action();
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('the bundle was accepted');
}

describe('stage bundle', () => {
  const key = venueKey();
  const rows = syntheticStage(12, 40);
  const bundle = buildStageBundle(rows, key.publicKeyText, new Date('2026-12-05T09:30:00Z'));
  const bytes = encodeBundle(bundle, key.privateKey);

  it('puts dependencies first and the ledger in seq order, with the high-water mark', () => {
    expect(bundle.groups.map((group) => group.kind)).toEqual([
      'stage',
      'category',
      'school',
      'team',
      'judge',
      'ledger',
      'qualification',
    ]);
    const shuffled = buildStageBundle(
      { ...rows, ledger: [...rows.ledger].reverse() },
      key.publicKeyText,
      new Date(),
    );
    expect(shuffled.groups[5].items.map((entry) => entry.seq)).toEqual(
      rows.ledger.map((entry) => entry.seq),
    );
    expect(bundle.highWaterSeq).toBe(40);
  });

  it('decodes to the same bundle it was made from, with and without the expected key', () => {
    expect(bytes.subarray(0, BUNDLE_MAGIC.length).equals(BUNDLE_MAGIC)).toBe(true);
    expect(decodeBundle(bytes)).toEqual(bundle);
    expect(decodeBundle(bytes, { expectedPublicKey: key.publicKeyText })).toEqual(bundle);
  });

  it('encodes the same content to the same bytes', () => {
    expect(
      encodeBundle(
        buildStageBundle(rows, key.publicKeyText, new Date('2026-12-05T09:30:00Z')),
        key.privateKey,
      ).equals(bytes),
    ).toBe(true);
  });

  it('refuses the bundle when any one byte is changed', () => {
    const reasons = new Set<string>();
    for (let at = 0; at < bytes.length; at++) {
      const changed = Buffer.from(bytes);
      changed[at] ^= 0x01;
      const error = refusal(() => decodeBundle(changed, { expectedPublicKey: key.publicKeyText }));
      reasons.add(error.reason);
    }
    // The magic gives "not a bundle", the version byte "unsupported", every other byte "damaged".
    expect([...reasons].sort()).toEqual(['damaged', 'not-a-bundle', 'unsupported-version']);
  });

  it('refuses a cut-short file, an empty one and something else entirely', () => {
    expect(refusal(() => decodeBundle(bytes.subarray(0, bytes.length - 1))).reason).toBe('damaged');
    expect(refusal(() => decodeBundle(bytes.subarray(0, 30))).reason).toBe('damaged');
    expect(refusal(() => decodeBundle(Buffer.alloc(0))).reason).toBe('not-a-bundle');
    expect(refusal(() => decodeBundle(gzipSync('{"format":"olympiad-stage-bundle"}'))).reason).toBe(
      'not-a-bundle',
    );
  });

  it('refuses a bundle signed by another venue when the stage expects a key', () => {
    const other = venueKey();
    const foreign = encodeBundle(
      { ...bundle, venuePublicKey: other.publicKeyText },
      other.privateKey,
    );
    expect(decodeBundle(foreign).venuePublicKey).toBe(other.publicKeyText);
    const error = refusal(() => decodeBundle(foreign, { expectedPublicKey: key.publicKeyText }));
    expect(error.reason).toBe('foreign-key');
    expect(error.key).toBe('federation.foreignKey');
  });

  it('refuses a header key swapped for another venue’s (the signature no longer matches)', () => {
    const other = venueKey();
    const swapped = Buffer.from(bytes);
    Buffer.from(other.publicKeyText, 'base64url').copy(swapped, BUNDLE_MAGIC.length + 1);
    expect(refusal(() => decodeBundle(swapped)).reason).toBe('damaged');
  });

  it('will not sign a bundle naming another key than the signing one', () => {
    expect(() =>
      encodeBundle({ ...bundle, venuePublicKey: venueKey().publicKeyText }, key.privateKey),
    ).toThrow(/another venue key/);
  });

  it('writes canonical JSON: keys sorted at every level, array order kept, no whitespace', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'ә' }, u: undefined };
    const b = { a: { c: 'ә', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"ә","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    const reversed = reverseKeys(bundle);
    expect(Object.keys(reversed as object)[0]).toBe('groups');
    expect(canonicalJson(reversed)).toBe(canonicalJson(bundle));
  });

  it('keeps a 300-team, 3,000-entry regional day within 1 MB', () => {
    const day = syntheticStage(300, 3000);
    const file = encodeBundle(buildStageBundle(day, key.publicKeyText, new Date()), key.privateKey);
    expect(file.length).toBeLessThanOrEqual(1024 * 1024);
    const decoded = decodeBundle(file, { expectedPublicKey: key.publicKeyText });
    expect(decoded.groups[3].items).toHaveLength(300);
    expect(decoded.groups[5].items).toHaveLength(3000);
  });
});
