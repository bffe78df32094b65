import { z } from 'zod';
import type { ApiErrorBody } from './errors';

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
export const REQUIRED_REGISTRATION_FIELDS: readonly RegistrationField[] = ['team', 'school', 'category', 'member1', 'grade1'];

/** The organiser's column choice: column index (0-based) → field, or null to ignore a column. */
export const registrationMappingSchema = z.record(z.string().regex(/^\d{1,3}$/), registrationFieldSchema.nullable());
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
          ctx.addIssue({ code: 'custom', message: 'mapping must be JSON: {"0":"team","1":"school",…}' });
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

export type RegistrationProblemKey =
  | 'registration.problem.missingTeam'
  | 'registration.problem.missingSchool'
  | 'registration.problem.missingRegion'
  | 'registration.problem.unknownRegion'
  | 'registration.problem.missingCategory'
  | 'registration.problem.unknownCategory'
  | 'registration.problem.missingMember'
  | 'registration.problem.missingGrade'
  | 'registration.problem.badGrade'
  | 'registration.problem.gradeOutsideCategory'
  | 'registration.problem.gradeWithoutMember'
  | 'registration.problem.duplicateInFile'
  | 'registration.problem.alreadyRegistered'
  | 'registration.problem.tooLong'
  | 'registration.problem.lookalike';

export interface RegistrationProblem {
  /** Line of the file (CSV) or row of the sheet (XLSX), 1 = the header row. */
  row: number;
  /** The column's header as written in the file, and the field it was mapped to. */
  column: string;
  field: RegistrationField;
  severity: 'error' | 'warning';
  key: RegistrationProblemKey;
  /** English text; the console shows the key's kk/ru/en message with `params`. */
  message: string;
  params: Record<string, string | number>;
  value: string;
  /** For a look-alike: the name with Cyrillic letters. */
  suggestion?: string;
}

export interface RegistrationColumn {
  index: number;
  header: string;
  field: RegistrationField | null;
  /** Whether the field was recognised from the header (false: chosen by the organiser). */
  recognised: boolean;
}

export interface RegistrationRowPreview {
  row: number;
  team: string;
  school: string;
  regionCode: string | null;
  town: string;
  categoryId: string | null;
  categoryName: string;
  coach: string;
  members: { name: string; grade: number | null }[];
  /** A school not yet on record; it is created on confirm. */
  newSchool: boolean;
  ok: boolean;
}

export interface RegistrationPreview {
  fileName: string;
  fileHash: string;
  format: 'csv' | 'xlsx';
  /** CSV only: how the text was read. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1251';
  delimiter?: string;
  columns: RegistrationColumn[];
  /** Required fields no column is mapped to; the organiser must map them before anything else. */
  missingFields: RegistrationField[];
  rows: RegistrationRowPreview[];
  problems: RegistrationProblem[];
  summary: { rows: number; valid: number; invalid: number; warnings: number; newSchools: number };
}

export interface RegistrationResult {
  teamsCreated: number;
  schoolsCreated: number;
  skippedRows: number[];
}

/**
 * A confirmed import being written (POST /api/stages/:id/registration/commits answers 202 with it;
 * GET …/commits/:jobId reports it). Every row is written inside one transaction: until `state` is
 * `done` nothing of the file is visible, and a `failed` job wrote nothing.
 */
export interface RegistrationCommitJob {
  id: string;
  stageId: string;
  state: 'running' | 'done' | 'failed';
  /** checking: the file is checked again; writing: rows go into the open transaction; standings: the new teams enter each category's standings. */
  phase: 'checking' | 'writing' | 'standings' | 'done';
  /** Teams written so far into the transaction, of `teamsTotal`. */
  teamsWritten: number;
  /** Teams to write; 0 until the check is done. */
  teamsTotal: number;
  /** The whole job, 0–100, monotonic. */
  percent: number;
  result: RegistrationResult | null;
  error: ApiErrorBody | null;
}
