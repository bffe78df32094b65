import { z } from 'zod';
import { apiErrorBodySchema } from './errors';

/**
 * Registration import: a CSV or XLSX file of teams as schools send it. The organiser uploads it
 * for a preview (nothing is written), fixes or accepts the problems, then confirms the very same
 * file (its SHA-256 must match the preview) and every good row is written in one transaction.
 */

/** What a column of the file can hold. Members and grades are numbered 1–3. */
export const REGISTRATION_FIELDS = [
  'team',
  'school',
  'region',
  'town',
  'category',
  'coach',
  'member1',
  'grade1',
  'member2',
  'grade2',
  'member3',
  'grade3',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export const registrationFieldSchema = z.enum(REGISTRATION_FIELDS);

/** Fields without which no row can be imported. */
export const REQUIRED_REGISTRATION_FIELDS: readonly RegistrationField[] = [
  'team',
  'school',
  'category',
  'member1',
  'grade1',
];

/** The organiser's column choice: column index (0-based) → field, or null to ignore a column. */
export const registrationMappingSchema = z.record(
  z.string().regex(/^\d{1,3}$/),
  registrationFieldSchema.nullable(),
);
export type RegistrationMapping = z.infer<typeof registrationMappingSchema>;

/** The text fields sent next to the file (multipart/form-data); `mapping` is JSON text. */
export const registrationPreviewFormSchema = z
  .object({
    mapping: z
      .string()
      .max(10_000)
      .optional()
      .transform((text, ctx) => {
        if (!text) return undefined;
        try {
          return registrationMappingSchema.parse(JSON.parse(text));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'mapping must be JSON: {"0":"team","1":"school",…}',
          });
          return z.NEVER;
        }
      }),
  })
  .strict();

export const registrationConfirmFormSchema = registrationPreviewFormSchema
  .extend({
    /** The SHA-256 (hex) the preview returned: the organiser confirms what they saw. */
    fileHash: z.string().regex(/^[0-9a-f]{64}$/, 'the fileHash of the preview'),
    /** 'true': import the good rows and leave out rows with errors. Otherwise any error refuses. */
    skipInvalid: z.enum(['true', 'false']).default('false'),
    /** 'true': replace Latin look-alike letters inside Cyrillic names with their Cyrillic twins. */
    fixLookalikes: z.enum(['true', 'false']).default('true'),
  })
  .strict();

export const registrationProblemKeySchema = z.enum([
  'registration.problem.missingTeam',
  'registration.problem.missingSchool',
  'registration.problem.missingRegion',
  'registration.problem.unknownRegion',
  'registration.problem.missingCategory',
  'registration.problem.unknownCategory',
  'registration.problem.missingMember',
  'registration.problem.missingGrade',
  'registration.problem.badGrade',
  'registration.problem.gradeOutsideCategory',
  'registration.problem.gradeWithoutMember',
  'registration.problem.duplicateInFile',
  'registration.problem.alreadyRegistered',
  'registration.problem.tooLong',
  'registration.problem.lookalike',
  /** A region name no alias matches but one is near: `params.suggestion` is that alias. */
  'registration.problem.unknownRegionNear',
  /** A "?" for a Kazakh letter in a CSV read as Windows-1251: the file must be saved again. */
  'registration.problem.lostKazakhLetters',
  /** A "?" for a letter inside a word of UTF-8 text or XLSX: the letters were lost before. */
  'registration.problem.questionMarkInWord',
]);
export type RegistrationProblemKey = z.infer<typeof registrationProblemKeySchema>;

export const registrationProblemSchema = z.object({
  /** Line of the file (CSV) or row of the sheet (XLSX), 1 = the header row. */
  row: z.number(),
  /** The column's header as written in the file, and the field it was mapped to. */
  column: z.string(),
  field: registrationFieldSchema,
  severity: z.enum(['error', 'warning']),
  key: registrationProblemKeySchema,
  /** English text; the console shows the key's kk/ru/en message with `params`. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  value: z.string(),
  /** For a look-alike: the name with Cyrillic letters. */
  suggestion: z.string().optional(),
});
export type RegistrationProblem = z.infer<typeof registrationProblemSchema>;

export const registrationColumnSchema = z.object({
  index: z.number(),
  header: z.string(),
  field: registrationFieldSchema.nullable(),
  /** Whether the field was recognised from the header (false: chosen by the organiser). */
  recognised: z.boolean(),
});
export type RegistrationColumn = z.infer<typeof registrationColumnSchema>;

export const registrationRowPreviewSchema = z.object({
  row: z.number(),
  team: z.string(),
  school: z.string(),
  regionCode: z.string().nullable(),
  town: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string(),
  coach: z.string(),
  members: z.array(z.object({ name: z.string(), grade: z.number().nullable() })),
  /** A school not yet on record; it is created on confirm. */
  newSchool: z.boolean(),
  ok: z.boolean(),
});
export type RegistrationRowPreview = z.infer<typeof registrationRowPreviewSchema>;

export const registrationPreviewSchema = z.object({
  fileName: z.string(),
  fileHash: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: how the text was read. */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1251']).optional(),
  delimiter: z.string().optional(),
  columns: z.array(registrationColumnSchema),
  /** Required fields no column is mapped to; the organiser must map them before anything else. */
  missingFields: z.array(registrationFieldSchema),
  /**
   * Column headers where Excel put "?" for Kazakh letters: the file lost them everywhere, and such
   * headers are not recognised either (docs/registration-import.md#lost-kazakh-letters).
   */
  lostLetterHeaders: z.array(z.string()).optional(),
  rows: z.array(registrationRowPreviewSchema),
  problems: z.array(registrationProblemSchema),
  summary: z.object({
    rows: z.number(),
    valid: z.number(),
    invalid: z.number(),
    warnings: z.number(),
    newSchools: z.number(),
  }),
});
export type RegistrationPreview = z.infer<typeof registrationPreviewSchema>;

export const registrationResultSchema = z.object({
  teamsCreated: z.number(),
  schoolsCreated: z.number(),
  skippedRows: z.array(z.number()),
});
export type RegistrationResult = z.infer<typeof registrationResultSchema>;

/** Why a commit job failed: the error answer the direct save would have given. */
const commitErrorSchema = apiErrorBodySchema;

/**
 * A confirmed import being written (POST /api/stages/:id/registration/commits answers 202 with it;
 * GET …/commits/:jobId reports it). Every row is written inside one transaction: until `state` is
 * `done` nothing of the file is visible, and a `failed` job wrote nothing.
 */
export const registrationCommitJobSchema = z.object({
  id: z.string(),
  stageId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** checking: the file is checked again; writing: rows go into the open transaction; standings: the new teams enter each category's standings. */
  phase: z.enum(['checking', 'writing', 'standings', 'done']),
  /** Teams written so far into the transaction, of `teamsTotal`. */
  teamsWritten: z.number(),
  /** Teams to write; 0 until the check is done. */
  teamsTotal: z.number(),
  /** The whole job, 0–100, monotonic. */
  percent: z.number(),
  result: registrationResultSchema.nullable(),
  error: commitErrorSchema.nullable(),
});
export type RegistrationCommitJob = z.infer<typeof registrationCommitJobSchema>;
