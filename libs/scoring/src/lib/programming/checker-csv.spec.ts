import { presetRuleSet } from '../rule-set/presets';
import { parseCheckerCsv, readCheckerCsv } from './checker-csv';
import type { ProgrammingRuleSet } from './programming-rules';

const ioi = presetRuleSet('programming-default') as ProgrammingRuleSet;
const icpc = presetRuleSet('programming-icpc') as ProgrammingRuleSet;

describe('parseCheckerCsv', () => {
  it('reads comma- or semicolon-separated rows with an optional contest time', () => {
    expect(
      parseCheckerCsv(ioi, 'Team,Task,Points\n"Алтын, 5 сынып",A,70\n\nБүркіт,B,100\n'),
    ).toEqual({
      ok: true,
      value: [
        {
          line: 2,
          team: 'Алтын, 5 сынып',
          payload: { task: 'A', points: 70, groups: null, timeMs: null },
        },
        {
          line: 4,
          team: 'Бүркіт',
          payload: { task: 'B', points: 100, groups: null, timeMs: null },
        },
      ],
    });
    const parsed = parseCheckerCsv(icpc, '\uFEFFteam;task;points;time\nt1;C;100;1:15\n');
    expect(parsed.ok && parsed.value[0].payload.timeMs).toBe(75_000);
  });

  it('reports every bad line with its number and the rule it breaks', () => {
    const result = parseCheckerCsv(ioi, 'team,task,points\nt1,A,120\nt2,Z,10\nt3,B,ten\n,B,5');
    expect(!result.ok && result.errors.map((e) => [e.path, e.key])).toEqual([
      ['lines.2.points', 'scoring.programming.pointsAboveMax'],
      ['lines.3.task', 'scoring.programming.unknownTask'],
      ['lines.4.points', 'scoring.csv.pointsNotNumber'],
      ['lines.5.team', 'scoring.csv.teamMissing'],
    ]);
  });

  it('needs the team, task and points columns', () => {
    const result = parseCheckerCsv(ioi, 'name,score\nx,1');
    expect(!result.ok && result.errors[0]).toMatchObject({
      key: 'scoring.csv.missingColumns',
      params: { field: 'team, task, points' },
    });
  });

  it('wants the contest time under ICPC rules', () => {
    const result = parseCheckerCsv(icpc, 'team,task,points\nt1,A,100');
    expect(!result.ok && result.errors[0].key).toBe('scoring.programming.timeRequired');
  });
});

describe('readCheckerCsv', () => {
  const blank = { time: '', tries: '', groups: '' };

  it('keeps every line for a preview: a header, semicolons, quotes and a BOM', () => {
    expect(readCheckerCsv('\uFEFFteam;task;points\n"Қыран; 1";A;70\nТұлпар;B;x\n\n')).toEqual({
      missingColumns: ['time', 'tries', 'groups'],
      columns: { team: 1, task: 2, points: 3, time: null, tries: null, groups: null },
      lines: [
        { line: 2, team: 'Қыран; 1', task: 'A', points: 70, ...blank },
        { line: 3, team: 'Тұлпар', task: 'B', points: null, ...blank },
      ],
    });
  });

  it('reads the columns in the order a Russian or Kazakh header names them, tab-separated', () => {
    const { lines } = readCheckerCsv('Задача\tБаллы\tКоманда\nA\t70,0\tҚыран');
    expect(lines).toEqual([{ line: 2, team: 'Қыран', task: 'A', points: 70, ...blank }]);
    expect(
      readCheckerCsv('есеп,ұпай,команда,уақыт,қате әрекеттер\nB,5,Тұлпар,1:15,2').lines[0],
    ).toMatchObject({ team: 'Тұлпар', task: 'B', time: '1:15', tries: '2' });
    expect(readCheckerCsv('Команда;Задача;Баллы;Время;Попытки\nt;A;100;1:02:03;1').columns).toEqual(
      { team: 1, task: 2, points: 3, time: 4, tries: 5, groups: null },
    );
  });

  it('takes team, task, points, time in order without a header, and keeps negative points out', () => {
    expect(readCheckerCsv('Timer,A,-3,0:50')).toEqual({
      missingColumns: ['team', 'task', 'points', 'time', 'tries', 'groups'],
      columns: { team: 1, task: 2, points: 3, time: 4, tries: null, groups: null },
      lines: [
        { line: 1, team: 'Timer', task: 'A', points: null, time: '0:50', tries: '', groups: '' },
      ],
    });
  });
});

describe('parseCheckerCsv with contest times and wrong tries (ICPC)', () => {
  it('turns a task line into its wrong tries and the accepted submission', () => {
    const parsed = parseCheckerCsv(
      icpc,
      'team;task;points;time;tries\nt1;A;100;1:02:03;2\nt1;B;0;45:00;1\nt2;A;100;9:30;0\n',
    );
    expect(
      parsed.ok &&
        parsed.value.map((row) => [
          row.line,
          row.team,
          row.payload.task,
          row.payload.points,
          row.payload.timeMs,
        ]),
    ).toEqual([
      [2, 't1', 'A', 0, 3_723_000],
      [2, 't1', 'A', 0, 3_723_000],
      [2, 't1', 'A', 100, 3_723_000],
      [3, 't1', 'B', 0, 2_700_000],
      [4, 't2', 'A', 100, 570_000],
    ]);
  });

  it('reads each line as one submission without a tries column', () => {
    const parsed = parseCheckerCsv(icpc, 'team,task,points,time\nt1,A,0,10:00\nt1,A,100,12:00');
    expect(parsed.ok && parsed.value.map((row) => row.payload.points)).toEqual([0, 100]);
  });

  it('says which line and column hold a bad time or a bad number of tries', () => {
    const result = parseCheckerCsv(
      icpc,
      'team;task;points;time;tries\nt1;A;100;1:75;0\nt2;A;100;10:00;two\nt3;A;100;;1',
    );
    expect(!result.ok && result.errors.map((e) => [e.path, e.key, e.params])).toEqual([
      ['lines.2.time', 'scoring.csv.badContestTime', { line: 2, column: 4 }],
      ['lines.3.tries', 'scoring.csv.badTries', { line: 3, column: 5 }],
      ['lines.4.time', 'scoring.programming.timeRequired', undefined],
    ]);
    expect(!result.ok && result.errors[0].message).toBe(
      'line 2, column 4: time must be m:ss or h:mm:ss',
    );
  });

  it('reads the test groups passed where the task has groups', () => {
    const grouped = {
      ...ioi,
      params: {
        ...ioi.params,
        credit: 'per-group' as const,
        tasks: [
          {
            ...ioi.params.tasks[0],
            groups: [
              { id: '1', points: 30 },
              { id: '2', points: 70 },
            ],
          },
        ],
      },
    };
    const parsed = parseCheckerCsv(grouped, 'team,task,points,groups\nt1,A,100,1+2\nt2,A,30,1 3');
    expect(!parsed.ok && parsed.errors.map((e) => [e.path, e.key])).toEqual([
      ['lines.3.groups.1', 'scoring.programming.unknownGroup'],
    ]);
    const good = parseCheckerCsv(grouped, 'team,task,points,groups\nt1,A,100,1+2');
    expect(good.ok && good.value[0].payload.groups).toEqual(['1', '2']);
  });
});
