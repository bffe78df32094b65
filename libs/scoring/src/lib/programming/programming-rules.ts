import { z } from 'zod';
import { entryModeSchema } from '../double-entry/entry-mode';
import { idString, intRange, reportDuplicates } from '../common/zod-helpers';
import {
  DEFAULT_PROTEST_WINDOW_MINUTES,
  protestWindowMinutesSchema,
} from '../protests/protest-window';
import { rubricParamsSchema } from '../creative/creative-rules';

export const PROGRAMMING_SCHEMA_VERSION = 1;

export const programmingTaskSchema = z
  .object({
    id: idString,
    title: z.string().max(200),
    maxPoints: intRange(1, 100_000),
    /** Test groups with their points (they add up to maxPoints); empty when not used. */
    groups: z.array(z.object({ id: idString, points: intRange(0, 100_000) }).strict()).max(100),
  })
  .strict()
  .superRefine((task, ctx) => {
    const sum = task.groups.reduce((s, g) => s + g.points, 0);
    if (task.groups.length > 0 && sum !== task.maxPoints) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `the groups of task ${task.id} add up to ${sum}, not ${task.maxPoints}`,
        params: { key: 'scoring.programming.groupsSum', sum, max: task.maxPoints },
      });
    }
    reportDuplicates(
      ctx,
      task.groups.map((g) => g.id),
      'groups',
    );
  });
export type ProgrammingTask = z.infer<typeof programmingTaskSchema>;

export const PROGRAMMING_TIE_BREAKS = ['earlier-final-total', 'decision'] as const;
export type ProgrammingTieBreak = (typeof PROGRAMMING_TIE_BREAKS)[number];

export const programmingParamsSchema = z
  .object({
    tasks: z.array(programmingTaskSchema).max(50),
    /** 'partial': any points 0..max; 'per-group': points are the sum of the groups passed; 'all-or-nothing': 0 or max. */
    credit: z.enum(['partial', 'per-group', 'all-or-nothing']),
    /** 'best' per task (IOI), the 'last' submission per task, or 'icpc' (solved, then time with penalties). */
    submissions: z.enum(['best', 'last', 'icpc']),
    /** ICPC: time added per wrong try before the accepted one. */
    penaltyMsPerWrongTry: intRange(0, 3_600_000),
    /** How "earlier" is measured: order of entries in the ledger, or the contest time in each submission. */
    submissionTime: z.enum(['ledger-order', 'contest-time']),
    tieBreaks: z.array(z.enum(PROGRAMMING_TIE_BREAKS)).max(PROGRAMMING_TIE_BREAKS.length),
    /** When set, projects are judged with this rubric (programming.rubric entries) instead of tasks. */
    rubric: rubricParamsSchema.nullable(),
    /** Minutes after publication that protests are accepted (docs/rules.md#protests). */
    protestWindowMinutes: protestWindowMinutesSchema,
  })
  .strict()
  .superRefine((params, ctx) => {
    if (params.rubric === null && params.tasks.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks'],
        message: 'tasks must list at least one task (or judge with a rubric)',
        params: { key: 'scoring.programming.noTasks' },
      });
    }
    reportDuplicates(
      ctx,
      params.tasks.map((t) => t.id),
      'tasks',
    );
    reportDuplicates(ctx, params.tieBreaks, 'tieBreaks');
    if (params.submissions === 'icpc' && params.submissionTime !== 'contest-time') {
      ctx.addIssue({
        code: 'custom',
        path: ['submissionTime'],
        message:
          'ICPC ranking needs the contest time of each submission (submissionTime: contest-time)',
        params: { key: 'scoring.programming.icpcNeedsTime' },
      });
    }
    if (params.credit === 'per-group') {
      params.tasks.forEach((task, index) => {
        if (task.groups.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', index, 'groups'],
            message: `task ${task.id} needs test groups for per-group credit`,
            params: { key: 'scoring.programming.groupsRequired' },
          });
        }
      });
    }
  });
export type ProgrammingParams = z.infer<typeof programmingParamsSchema>;

export const programmingRuleSetSchema = z
  .object({
    discipline: z.literal('programming'),
    preset: z.string().min(1).max(60),
    schemaVersion: z.literal(PROGRAMMING_SCHEMA_VERSION),
    /** Single (default) or double entry (docs/rules.md#double-entry). */
    entry: entryModeSchema.optional(),
    params: programmingParamsSchema,
  })
  .strict();
export type ProgrammingRuleSet = z.infer<typeof programmingRuleSetSchema>;

const defaultTask = (id: string): ProgrammingTask => ({
  id,
  title: `Task ${id}`,
  maxPoints: 100,
  groups: [],
});

export const PROGRAMMING_DEFAULT_PARAMS: ProgrammingParams = {
  protestWindowMinutes: DEFAULT_PROTEST_WINDOW_MINUTES,
  tasks: ['A', 'B', 'C', 'D', 'E'].map(defaultTask),
  credit: 'partial',
  submissions: 'best',
  penaltyMsPerWrongTry: 0,
  submissionTime: 'ledger-order',
  tieBreaks: ['earlier-final-total'],
  rubric: null,
};
