import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { CategoryEntity } from '../categories/category.entity';
import { FieldEntity } from '../fields/field.entity';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { JudgeEntity } from '../judges/judge.entity';
import { JudgesQuery } from '../judges/judges.query';
import { LedgerQuery } from '../ledger/ledger.query';
import { appendLedgerEntry } from '../ledger/ledger-statements';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { QualificationQuery } from '../qualification/qualification.query';
import { RegionEntity } from '../regions/region.entity';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolsQuery } from '../schools/schools.query';
import { StageEntity } from '../stages/stage.entity';
import { StagesQuery } from '../stages/stages.query';
import { TeamMemberEntity } from '../teams/team-member.entity';
import { TeamEntity } from '../teams/team.entity';
import { TeamsQuery } from '../teams/teams.query';
import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';
import { digestOf } from './outbox';
import { canonicalJson } from './stage-bundle';
import { StageRowsReader } from './stage-rows';

/**
 * The digests a venue and the republic compare, and the signed bundle, are made of the stage's rows
 * as canonical JSON (docs/federation.md, "The bundle file"): a field renamed, dropped, added or
 * re-typed by a change in how the rows are read would make every linked venue resend its snapshot,
 * or a venue and a republic of different versions disagree. These are the digests of the fixed
 * stage below as the rows were read before the federation asked the owning features for them.
 */
const DIGESTS: Record<string, { snapshot: string; rows: string }> = {
  SQLite: {
    snapshot: 'b9beabc19a4ea569f66bcc94ddbccdc8a94912020a2caf0481fda47862d14238',
    rows: '5aa05f06305c318ce56ce58e0aae4ebab410ca1a7be187695136041c8384ff9f',
  },
  // PostgreSQL hands the schools back in another order: the digest follows the order read.
  PostgreSQL: {
    snapshot: '1edc83e9e6a0afc2d713fe7020b81cc319d06170b09df102577dfb13b8930e4b',
    rows: '98456f7383a0129f0e55edd1297764d1c5eb4070fa72d1b2c5bbfe2c3e56e0c8',
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
    status: n % 2 ? ('active' as const) : ('withdrawn' as const),
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
      role: 'head-judge',
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
      authorRole: 'head-judge',
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

/** The reader as the federation module wires it, on the test's database. */
function stageRowsReaderOn(dataSource: DataSource): StageRowsReader {
  return new StageRowsReader(
    new StagesQuery(dataSource),
    new OlympiadsQuery(dataSource),
    new CategoriesQuery(dataSource),
    new SchoolsQuery(dataSource),
    new TeamsQuery(dataSource),
    new JudgesQuery(dataSource),
    new JudgeAssignmentsQuery(dataSource),
    new LedgerQuery(dataSource),
    new QualificationQuery(dataSource),
  );
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
    const rows = await stageRowsReaderOn(db.dataSource).read(stageId, { withLedger: false });
    expect(digestOf(rows)).toBe(DIGESTS[name].snapshot);
  });

  it('gives the whole stage, ledger in seq order, as canonical JSON unchanged', async () => {
    const rows = await stageRowsReaderOn(db.dataSource).read(stageId);
    expect(rows.ledger.map((entry) => entry.id)).toEqual([id(82), id(81), id(83)]);
    expect(sha256(canonicalJson(rows))).toBe(DIGESTS[name].rows);
  });
});
