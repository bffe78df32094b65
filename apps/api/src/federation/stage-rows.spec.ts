import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { FieldEntity } from '../fields/field.entity';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { appendLedgerEntry } from '../ledger/ledger-statements';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { RegionEntity } from '../regions/region.entity';
import { SchoolEntity } from '../schools/school.entity';
import { StageEntity } from '../stages/stage.entity';
import { TeamMemberEntity } from '../teams/team-member.entity';
import { TeamEntity } from '../teams/team.entity';
import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';
import { digestOf } from './outbox';
import { canonicalJson } from './stage-bundle';
import { readStageRows } from './stage-rows';

/**
 * The digests a venue and the republic compare, and the signed bundle, are made of the stage's rows
 * as canonical JSON (docs/federation.md, "The bundle file"): a field renamed, dropped, added or
 * re-typed by a change in how the rows are read would make every linked venue resend its snapshot,
 * or a venue and a republic of different versions disagree. These are the digests of the fixed
 * stage below as the rows were read before the federation asked the owning features for them.
 */
const DIGESTS: Record<string, { snapshot: string; rows: string }> = {
  SQLite: {
    snapshot: 'a0539d32745ee7f30022c349c6932400bcb960a0de9dd0ea8dcfb704722562da',
    rows: 'fff1f4a21b9a798ef1b540d544bde6846646ec8111c33369fd8c354d76bf33b6',
  },
  // PostgreSQL hands the schools back in another order: the digest follows the order read.
  PostgreSQL: {
    snapshot: 'd145eadcbc867b922237c2ffdbccbc71a8213dad5fd60c48b590c7ac4e68292d',
    rows: 'a7836e6102db2e132d3cc41f65b0c13d93b043f07a3631a3c8a8292ba47fdeaf',
  },
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ruleSet = { discipline: 'maze', params: { timeLimitMs: 120000, attempts: 2 } };

async function seedStage(manager: EntityManager): Promise<string> {
  const [region] = await manager.find(RegionEntity, { order: { code: 'ASC' }, take: 1 });
  await manager.insert(OlympiadEntity, {
    id: id(1),
    name: 'Robotics 2026',
    season: '2026',
    createdAt: '2026-01-10T08:00:00.000Z',
  });
  const stage = (n: number, kind: 'regional' | 'republic', code: string) => ({
    id: id(n),
    olympiadId: id(1),
    kind,
    regionCode: kind === 'regional' ? region.code : null,
    name: `Stage ${code}`,
    venue: 'School 7 hall',
    startsOn: '2026-03-01',
    endsOn: '2026-03-02',
    code,
    status: 'live' as const,
  });
  await manager.insert(StageEntity, [stage(2, 'regional', 'REG-1'), stage(3, 'republic', 'REP-1')]);
  const category = (n: number, stageId: string, name: string, published: boolean) => ({
    id: id(n),
    stageId,
    discipline: 'maze' as const,
    name,
    ageGroupLabel: '5-8',
    minGrade: 5,
    maxGrade: 8,
    preset: 'maze-standard',
    ruleSet: ruleSet as never,
    status: 'running' as const,
    published,
    lockedAt: published ? '2026-03-01T12:00:00.000Z' : null,
    publishedAt: published ? '2026-03-01T12:05:00.000Z' : null,
    templateRuleSet: published ? (ruleSet as never) : null,
    standingsVersion: 3,
  });
  await manager.insert(CategoryEntity, [
    category(12, id(2), 'Maze juniors', true),
    category(11, id(2), 'Maze seniors', false),
    category(13, id(3), 'Maze republic', false),
  ]);
  await manager.insert(SchoolEntity, [
    { id: id(22), name: 'Lyceum 2', regionCode: region.code, town: 'Town B' },
    { id: id(21), name: 'Gymnasium 1', regionCode: region.code, town: 'Town A' },
    { id: id(23), name: 'Not attended', regionCode: region.code, town: 'Town C' },
  ]);
  const team = (n: number, stageId: string, categoryId: string, schoolId: string) => ({
    id: id(n),
    stageId,
    categoryId,
    schoolId,
    name: `Team ${n}`,
    coach: `Coach ${n}`,
    status: 'registered' as const,
    checkedInAt: n % 2 ? '2026-03-01T08:30:00.000Z' : null,
  });
  await manager.insert(TeamEntity, [
    team(32, id(2), id(12), id(22)),
    team(31, id(2), id(11), id(21)),
    team(33, id(3), id(13), id(21)),
  ]);
  await manager.insert(TeamMemberEntity, [
    { id: id(42), teamId: id(31), name: 'Second', grade: 6, position: 2 },
    { id: id(41), teamId: id(31), name: 'First', grade: 7, position: 1 },
    { id: id(43), teamId: id(32), name: 'Only', grade: 5, position: 1 },
  ]);
  await manager.insert(FieldEntity, {
    id: id(51),
    stageId: id(2),
    name: 'Field A',
    discipline: 'maze',
  });
  await manager.insert(JudgeEntity, [
    {
      id: id(62),
      stageId: id(2),
      name: 'Head',
      role: 'head',
      pinLookup: 'l2',
      pinHash: 'h2',
      active: true,
    },
    {
      id: id(61),
      stageId: id(2),
      name: 'Judge',
      role: 'judge',
      pinLookup: 'l1',
      pinHash: 'h1',
      active: false,
    },
  ]);
  await manager.insert(JudgeAssignmentEntity, [
    { id: id(71), judgeId: id(61), categoryId: id(12), fieldId: null },
    { id: id(72), judgeId: id(61), categoryId: id(11), fieldId: null },
    { id: id(73), judgeId: id(61), categoryId: null, fieldId: id(51) },
  ]);
  const entry = (n: number, categoryId: string, teamId: string | null, supersedes: string | null) =>
    appendLedgerEntry(manager, {
      seq: 0,
      id: id(n),
      stageId: id(2),
      categoryId,
      teamId,
      kind: supersedes ? 'correction' : 'maze.attempt',
      payload: { timeMs: 61000 + n, cells: [1, 2] },
      supersedes,
      reason: supersedes ? 'Wrong time' : null,
      authorId: id(62),
      authorRole: 'head',
      deviceId: n % 2 ? 'tablet-1' : null,
      recordedAt: `2026-03-01T10:0${n % 10}:00.000Z`,
      awaitsConfirmation: n === 83,
      receivedAt: `2026-03-01T10:0${n % 10}:01.000Z`,
    });
  await entry(82, id(11), id(31), null);
  await entry(81, id(12), id(32), null);
  await entry(83, id(11), id(31), id(82));
  await manager.insert(QualificationEntryEntity, {
    id: id(91),
    sourceStageId: id(2),
    sourceTeamId: id(31),
    targetStageId: id(3),
    targetTeamId: id(33),
    reason: 'rank',
    note: 'Top of the category',
    enteredBy: 'organiser',
    enteredAt: '2026-03-02T16:00:00.000Z',
  });
  return id(2);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeOnEachDatabase('the rows of a stage as they travel, on %s', (name, open) => {
  let db: TempDatabase;
  let stageId: string;
  beforeAll(async () => {
    db = await open();
    stageId = await seedStage(db.dataSource.manager);
  });
  afterAll(() => db.close());

  it('gives the snapshot digest the venue and the republic compare, unchanged', async () => {
    const rows = await readStageRows(db.dataSource.manager, stageId, { withLedger: false });
    expect(digestOf(rows)).toBe(DIGESTS[name].snapshot);
  });

  it('gives the whole stage, ledger in seq order, as canonical JSON unchanged', async () => {
    const rows = await readStageRows(db.dataSource.manager, stageId);
    expect(rows.ledger.map((entry) => entry.id)).toEqual([id(82), id(81), id(83)]);
    expect(sha256(canonicalJson(rows))).toBe(DIGESTS[name].rows);
  });
});
