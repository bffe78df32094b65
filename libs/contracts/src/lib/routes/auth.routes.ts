import { z } from 'zod';
import { disciplineSchema, judgeRoleSchema } from '../domain';
import { judgeSignInSchema, organiserSetupSchema, organiserSignInSchema } from '../rest';
import { passwordChangeAnswerSchema, passwordChangeSchema, staffRoleSchema } from '../staff';
import { jsonRoute } from './route';

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** What the organiser's setup and sign-in answer: the token the console keeps. */
export const organiserAuthAnswerSchema = z.object({
  token: z.string(),
  role: z.literal('organiser'),
  name: z.string(),
});
export type OrganiserAuthAnswer = z.infer<typeof organiserAuthAnswerSchema>;

export const assignedCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
  /** The age group's label, e.g. "3–4". */
  ageGroup: z.string(),
});
export type AssignedCategory = z.infer<typeof assignedCategorySchema>;

export const assignedFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
});
export type AssignedField = z.infer<typeof assignedFieldSchema>;

/** Who a judge is, at which stage, and what they score: what the tablet shows, offline too. */
export const judgeMeSchema = z.object({
  role: judgeRoleSchema,
  judge: z.object({
    id: z.string(),
    name: z.string(),
    role: judgeRoleSchema,
    stageId: z.string(),
    stageName: z.string(),
  }),
  assignments: z.object({
    categories: z.array(assignedCategorySchema),
    fields: z.array(assignedFieldSchema),
  }),
});
export type JudgeMe = z.infer<typeof judgeMeSchema>;

export const judgeSignInAnswerSchema = judgeMeSchema.extend({ token: z.string() });
export type JudgeSignInAnswer = z.infer<typeof judgeSignInAnswerSchema>;

/** A staff account's own view (docs/security.md#staff-accounts); `name` is the display name. */
export const organiserMeSchema = z.object({
  role: z.literal('organiser'),
  name: z.string(),
  id: z.string(),
  username: z.string(),
  staffRole: staffRoleSchema,
  /** A coordinator's granted stages; empty for admins and observers, who reach every stage. */
  stageIds: z.array(z.string()),
});
export type OrganiserMe = z.infer<typeof organiserMeSchema>;

/** A new token signing key (docs/security.md#token-signing-keys): its id and every key id still accepted. */
export const tokenKeyRotationSchema = z.object({
  keyId: z.string(),
  acceptedKeyIds: z.array(z.string()),
});
export type TokenKeyRotation = z.infer<typeof tokenKeyRotationSchema>;

/** Sign-in of organisers and judges, the first run's setup, and who the caller's token names. */
export const authRoutes = {
  setupStatus: jsonRoute({ method: 'GET', path: '/api/setup', response: setupStatusSchema }),
  completeSetup: jsonRoute({
    method: 'POST',
    path: '/api/setup',
    body: organiserSetupSchema,
    response: organiserAuthAnswerSchema,
    summary:
      'Creates the organiser account with the one-time token the server printed at its first start.',
  }),
  signInOrganiser: jsonRoute({
    method: 'POST',
    path: '/api/auth/organiser',
    body: organiserSignInSchema,
    response: organiserAuthAnswerSchema,
    status: 200,
  }),
  signInJudge: jsonRoute({
    method: 'POST',
    path: '/api/auth/judge',
    body: judgeSignInSchema,
    response: judgeSignInAnswerSchema,
    status: 200,
  }),
  me: jsonRoute({
    method: 'GET',
    path: '/api/me',
    response: z.union([organiserMeSchema, judgeMeSchema]),
  }),
  rotateTokenKey: jsonRoute({
    method: 'POST',
    path: '/api/auth/token-keys',
    response: tokenKeyRotationSchema,
    summary:
      'Signs new tokens with a new key; tokens of the older keys stay valid until they expire (organiser only).',
  }),
  changePassword: jsonRoute({
    method: 'POST',
    path: '/api/auth/password',
    body: passwordChangeSchema,
    response: passwordChangeAnswerSchema,
    status: 200,
    summary:
      'Any staff account changes its own password; answers a new token for this device, every older token of the account ends.',
  }),
  signOutEverywhere: jsonRoute({
    method: 'POST',
    path: '/api/auth/sign-out-everywhere',
    response: null,
    summary: 'Every token of the calling staff account ends, this one too.',
  }),
};
