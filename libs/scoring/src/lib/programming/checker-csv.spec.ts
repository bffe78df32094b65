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
  it('keeps every line for a preview: a header, semicolons, quotes and a BOM', () => {
    expect(readCheckerCsv('\uFEFFteam;task;points\n"Қыран; 1";A;70\nТұлпар;B;x\n\n')).toEqual({
      missingColumns: ['time'],
      lines: [
        { line: 2, team: 'Қыран; 1', task: 'A', points: 70, time: '' },
        { line: 3, team: 'Тұлпар', task: 'B', points: null, time: '' },
      ],
    });
  });

  it('reads the columns in the order a Russian or Kazakh header names them, tab-separated', () => {
    const { lines } = readCheckerCsv('Задача\tБаллы\tКоманда\nA\t70,0\tҚыран');
    expect(lines).toEqual([{ line: 2, team: 'Қыран', task: 'A', points: 70, time: '' }]);
    expect(readCheckerCsv('есеп,ұпай,команда,уақыт\nB,5,Тұлпар,1:15').lines[0]).toMatchObject({
      team: 'Тұлпар',
      task: 'B',
      time: '1:15',
    });
  });

  it('takes team, task, points, time in order without a header, and keeps negative points out', () => {
    expect(readCheckerCsv('Timer,A,-3,0:50')).toEqual({
      missingColumns: ['team', 'task', 'points', 'time'],
      lines: [{ line: 1, team: 'Timer', task: 'A', points: null, time: '0:50' }],
    });
  });
});
