import { z } from 'zod';
import {
  disciplineSchema,
  judgeRoleSchema,
  stageKindSchema,
  stageStatusSchema,
  teamStatusSchema,
} from './domain';

/**
 * Request bodies of the REST API. The API validates every body against these before any
 * write; the apps use the same schemas to check a form before sending it.
 */

const id = z.string().uuid();
const name = z.string().trim().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const organiserSetupSchema = z
  .object({
    token: z.string().min(1),
    username: z.string().trim().min(3).max(64),
    password: z.string().min(10).max(200),
  })
  .strict();
export type OrganiserSetup = z.infer<typeof organiserSetupSchema>;

export const organiserSignInSchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();
export type OrganiserSignIn = z.infer<typeof organiserSignInSchema>;

export const judgeSignInSchema = z
  .object({
    stageCode: z.string().trim().min(3).max(32),
    pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits'),
  })
  .strict();
export type JudgeSignIn = z.infer<typeof judgeSignInSchema>;

export const createOlympiadSchema = z
  .object({ name, season: z.string().trim().min(4).max(20) })
  .strict();
export type CreateOlympiad = z.infer<typeof createOlympiadSchema>;

export const createStageSchema = z
  .object({
    olympiadId: id,
    kind: stageKindSchema,
    /** Required for a regional stage, absent for the republic stage. */
    regionCode: z.string().min(2).max(40).nullish(),
    name,
    venue: z.string().trim().max(300).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    /** Short code judges type on the tablet; generated when left out. */
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{3,32}$/, 'letters, digits and dashes, 3 to 32')
      .optional(),
  })
  .strict()
  .refine((stage) => stage.startsOn <= stage.endsOn, {
    path: ['endsOn'],
    message: 'the stage ends before it starts',
  })
  .refine((stage) => (stage.kind === 'regional') === Boolean(stage.regionCode), {
    path: ['regionCode'],
    message: 'a regional stage needs its region, the republic stage has none',
  });
export type CreateStage = z.infer<typeof createStageSchema>;

export const updateStageSchema = z
  .object({ status: stageStatusSchema.optional(), venue: z.string().trim().max(300).optional(), name: name.optional() })
  .strict();
export type UpdateStage = z.infer<typeof updateStageSchema>;

export const createSchoolSchema = z
  .object({ name, regionCode: z.string().min(2).max(40), town: z.string().trim().max(200).default('') })
  .strict();
export type CreateSchool = z.infer<typeof createSchoolSchema>;

export const teamMemberSchema = z
  .object({ name, grade: z.number().int().min(1).max(11) })
  .strict();
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const createTeamSchema = z
  .object({
    stageId: id,
    schoolId: id,
    categoryId: id,
    name,
    coach: z.string().trim().max(200).default(''),
    members: z.array(teamMemberSchema).min(1).max(6),
  })
  .strict();
export type CreateTeam = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z.object({ status: teamStatusSchema }).strict();

export const createCategorySchema = z
  .object({
    stageId: id,
    discipline: disciplineSchema,
    /** e.g. "3–4"; the grades the category admits. */
    ageGroup: z
      .object({ label: z.string().trim().min(1).max(40), minGrade: z.number().int().min(1).max(11), maxGrade: z.number().int().min(1).max(11) })
      .strict()
      .refine((group) => group.minGrade <= group.maxGrade, { message: 'minGrade is above maxGrade' }),
    name,
    /** Name of a rule-set preset of the discipline. */
    preset: z.string().min(1).max(60),
    /** Parameters that differ from the preset; validated by the rules. */
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CreateCategory = z.infer<typeof createCategorySchema>;

export const createFieldSchema = z
  .object({ stageId: id, name: z.string().trim().min(1).max(60), discipline: disciplineSchema })
  .strict();
export type CreateField = z.infer<typeof createFieldSchema>;

export const createDeviceSchema = z
  .object({
    fieldId: id.nullish(),
    /** MQTT client id and topic segment: olympiad/v1/dev/{id}/… */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'lowercase letters, digits and dashes, 3 to 40')
      .refine((id) => !id.startsWith('olympiad'), 'ids starting with "olympiad" are reserved for the server'),
    label: z.string().trim().max(100).default(''),
  })
  .strict();
export type CreateDevice = z.infer<typeof createDeviceSchema>;

export const createJudgeSchema = z
  .object({
    stageId: id,
    name,
    role: judgeRoleSchema,
    /** Left out: the server generates a PIN and returns it once. */
    pin: z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits').optional(),
    categoryIds: z.array(id).max(50).default([]),
    fieldIds: z.array(id).max(50).default([]),
  })
  .strict();
export type CreateJudge = z.infer<typeof createJudgeSchema>;

export const updateJudgeSchema = z
  .object({ name: name.optional(), active: z.boolean().optional(), role: judgeRoleSchema.optional() })
  .strict();
export type UpdateJudge = z.infer<typeof updateJudgeSchema>;

/** One score ledger entry as a tablet or the sensor ingestion submits it. */
export const ledgerEntryInputSchema = z
  .object({
    id: id,
    categoryId: id,
    teamId: id.nullable(),
    kind: z.string().regex(/^[a-z]+(\.[a-z-]+)*$/, 'a kind is like "maze.attempt"').max(60),
    payload: z.record(z.string(), z.unknown()),
    supersedes: id.nullable().default(null),
    reason: z.string().trim().max(500).nullable().default(null),
    recordedAt: z.string().datetime({ offset: true }),
    deviceId: z.string().max(40).nullable().default(null),
  })
  .strict()
  .refine((entry) => !entry.supersedes || Boolean(entry.reason), {
    path: ['reason'],
    message: 'a correction needs a reason',
  });
export type LedgerEntryInput = z.infer<typeof ledgerEntryInputSchema>;

/** POST /api/olympiads/:id/logo — the image file as base64 (PNG, JPEG, WebP or SVG, at most 300 KB). */
export const olympiadLogoSchema = z.object({ data: z.string().min(1).max(420_000) }).strict();
export type OlympiadLogo = z.infer<typeof olympiadLogoSchema>;
