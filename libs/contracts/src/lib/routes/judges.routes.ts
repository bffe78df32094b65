import { z } from 'zod';
import { judgeRoleSchema } from '../domain';
import { createJudgeSchema, updateJudgeSchema } from '../rest';
import { jsonRoute } from './route';

export const judgeSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: judgeRoleSchema,
  active: z.boolean(),
  categoryIds: z.array(z.string()),
  fieldIds: z.array(z.string()),
});
export type Judge = z.infer<typeof judgeSchema>;

/** A new judge's account with its PIN, shown once for the printed card; only its hash is stored. */
export const createdJudgeSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: judgeRoleSchema,
  stageId: z.string(),
  categoryIds: z.array(z.string()),
  fieldIds: z.array(z.string()),
  pin: z.string(),
});
export type CreatedJudge = z.infer<typeof createdJudgeSchema>;

export const judgePinSchema = z.object({ id: z.string(), pin: z.string() });
export type JudgePin = z.infer<typeof judgePinSchema>;

/** The judges of a stage, their assignments and PINs. */
export const judgesRoutes = {
  create: jsonRoute({
    method: 'POST',
    path: '/api/judges',
    body: createJudgeSchema,
    response: createdJudgeSchema,
    summary: 'The answer carries the PIN once (for the printed card); it is never shown again.',
  }),
  update: jsonRoute({
    method: 'PATCH',
    path: '/api/judges/:id',
    body: updateJudgeSchema,
    response: judgeSchema,
    summary: 'Deactivating a judge ends their sign-ins at once.',
  }),
  resetPin: jsonRoute({
    method: 'POST',
    path: '/api/judges/:id/pin',
    response: judgePinSchema,
    status: 200,
    summary: 'A lost PIN card: a new PIN, shown once; the old one stops working.',
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/judges',
    response: z.array(judgeSchema),
  }),
};
