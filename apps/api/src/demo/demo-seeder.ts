import { Injectable, Logger } from '@nestjs/common';
import { RULE_SET_PRESETS } from '@olympiad/scoring';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { CategoriesService } from '../categories/categories.service';
import { DeviceRegistryService } from '../devices/device-registry.service';
import { FieldsService } from '../fields/fields.service';
import { JudgesService } from '../judges/judges.service';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { OlympiadsService } from '../olympiads/olympiads.service';
import { SchoolsStore } from '../schools/schools.store';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { StagesService } from '../stages/stages.service';
import { TeamsService } from '../teams/teams.service';
import {
  DEMO_AGE_GROUPS,
  DEMO_DISCIPLINES,
  DEMO_MEMBERS,
  DEMO_SCHOOLS,
  DEMO_TEAM_NAMES,
} from './demo-data';

const TEAMS_PER_CATEGORY = 5;

/**
 * `npm run demo`: one regional stage with every discipline and age group, ~60 teams, fields and
 * judges whose PINs are printed and saved to DATA_DIR/demo-pins.txt. Runs only on an empty database,
 * through the same services the REST API uses.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly olympiadsQuery: OlympiadsQuery,
    private readonly olympiads: OlympiadsService,
    private readonly schoolsStore: SchoolsStore,
    private readonly fieldsService: FieldsService,
    private readonly stages: StagesService,
    private readonly categories: CategoriesService,
    private readonly teams: TeamsService,
    private readonly judges: JudgesService,
    private readonly recordEntry: RecordEntryUseCase,
    private readonly deviceRegistry: DeviceRegistryService,
  ) {}

  async seedIfEmpty(dataDir: string): Promise<void> {
    if (await this.olympiadsQuery.anyOlympiad()) {
      this.logger.log('The database already has an olympiad; the demo is not added again');
      return;
    }
    const olympiad = await this.olympiads.create({
      name: 'Робототехника олимпиадасы 2026',
      season: '2026',
    });
    const stage = await this.stages.create({
      olympiadId: olympiad.id,
      kind: 'regional',
      regionCode: 'aktobe',
      name: 'Ақтөбе облысы — өңірлік кезең',
      venue: 'Ақтөбе, №21 мектеп-лицей, спорт залы',
      startsOn: '2026-12-05',
      endsOn: '2026-12-06',
      code: 'AKT-2026',
    });
    await this.stages.update(stage.id, { status: 'live' });
    const schools = DEMO_SCHOOLS.map((school) => ({
      id: randomUUID(),
      name: school.name,
      town: school.town,
      regionCode: 'aktobe',
    }));
    await this.schoolsStore.insertSchools(schools);

    const categoryIds: Record<string, string[]> = {};
    let teamIndex = 0;
    for (const { discipline, kk } of DEMO_DISCIPLINES) {
      const preset = RULE_SET_PRESETS.find((candidate) => candidate.discipline === discipline);
      if (!preset) continue;
      categoryIds[discipline] = [];
      for (const group of DEMO_AGE_GROUPS) {
        const category = await this.categories.create({
          stageId: stage.id,
          discipline,
          ageGroup: group,
          name: `${kk} ${group.label}`,
          preset: preset.name,
        });
        categoryIds[discipline].push(category.id);
        for (let i = 0; i < TEAMS_PER_CATEGORY; i++, teamIndex++) {
          await this.teams.create({
            stageId: stage.id,
            categoryId: category.id,
            schoolId: schools[teamIndex % schools.length].id,
            name: DEMO_TEAM_NAMES[teamIndex % DEMO_TEAM_NAMES.length],
            coach: DEMO_MEMBERS[(teamIndex + 7) % DEMO_MEMBERS.length],
            members: [
              { name: DEMO_MEMBERS[teamIndex % DEMO_MEMBERS.length], grade: group.maxGrade },
              { name: DEMO_MEMBERS[(teamIndex + 3) % DEMO_MEMBERS.length], grade: group.minGrade },
            ],
          });
        }
      }
    }

    const fields = [];
    for (const [name, discipline] of [
      ['Лабиринт 1', 'maze'],
      ['Лабиринт 2', 'maze'],
      ['Сумо рингі 1', 'sumo'],
    ] as const) {
      fields.push(await this.fieldsService.create({ stageId: stage.id, name, discipline }));
    }

    const judgeCards: string[] = [];
    const addJudge = async (
      name: string,
      role: 'head-judge' | 'judge',
      categories: string[],
      fieldIds: string[],
    ) => {
      const judge = await this.judges.create({
        stageId: stage.id,
        name,
        role,
        categoryIds: categories,
        fieldIds,
      });
      judgeCards.push(
        `${role.padEnd(10)}  ${name.padEnd(28)}  stage ${stage.code}  PIN ${judge.pin}`,
      );
      return judge;
    };
    const headJudge = await addJudge('Бас төреші Гүлнар Әміржанова', 'head-judge', [], []);
    await addJudge('Лабиринт төрешісі Асқар', 'judge', categoryIds.maze ?? [], [
      fields[0].id,
      fields[1].id,
    ]);
    await addJudge('Сумо судья Ольга', 'judge', categoryIds.sumo ?? [], [fields[2].id]);
    await addJudge('Бағдарламалау төрешісі Марат', 'judge', categoryIds.programming ?? [], []);
    await addJudge('Жюри Қымбат', 'judge', categoryIds.creative ?? [], []);
    await addJudge('Жюри Сергей', 'judge', categoryIds.creative ?? [], []);

    await this.recordMazeRuns(stage.id, categoryIds.maze ?? [], {
      kind: 'judge',
      id: headJudge.id,
      name: headJudge.name,
      role: 'head-judge',
      stageId: stage.id,
    });

    // Sensor controllers on the three fields, for `bridge simulate` (npm run demo starts it).
    const devices = [];
    for (const [index, field] of fields.entries()) {
      const kind = field.discipline === 'maze' ? 'maze' : 'sumo';
      const device = await this.deviceRegistry.register({
        id: `demo-${kind}-${index + 1}`,
        fieldId: field.id,
        label: field.name,
      });
      devices.push({ id: device.id, secret: device.secret, kind });
    }
    fs.writeFileSync(
      path.join(dataDir, 'demo-devices.json'),
      `${JSON.stringify(devices, null, 2)}\n`,
      { mode: 0o600 },
    );

    const pinFile = path.join(dataDir, 'demo-pins.txt');
    fs.writeFileSync(pinFile, `${judgeCards.join('\n')}\n`, { mode: 0o600 });
    this.logger.log(
      [
        `Demo olympiad ready: stage ${stage.code}, ${teamIndex} teams. Judge PINs (also in ${pinFile}):`,
        ...judgeCards,
      ].join('\n'),
    );
  }

  /** A morning of maze runs, so the hall screen has something to show; the first maze category is published. */
  private async recordMazeRuns(
    stageId: string,
    categoryIds: string[],
    headJudge: Actor,
  ): Promise<void> {
    for (const [index, categoryId] of categoryIds.entries()) {
      const teams = await this.teams.list(stageId, categoryId);
      for (const [teamIndex, team] of teams.slice(0, 4).entries()) {
        const finished = teamIndex !== 3;
        await this.recordEntry.execute(
          {
            id: randomUUID(),
            categoryId,
            teamId: team.id,
            kind: 'maze.attempt',
            payload: {
              attempt: 1,
              outcome: finished ? 'finished' : 'not-finished',
              timeMs: finished ? 41_000 + ((teamIndex * 7919 + index * 1237) % 60_000) : null,
              touches: teamIndex % 2,
              checkpoints: [],
              lastCheckpointMs: null,
              endedBy: finished ? null : 'stall',
              timing: 'sensor',
            },
            supersedes: null,
            reason: null,
            recordedAt: new Date().toISOString(),
            deviceId: null,
          },
          headJudge,
        );
      }
    }
    if (categoryIds[0]) await this.categories.setPublished(categoryIds[0], headJudge, true);
  }
}
