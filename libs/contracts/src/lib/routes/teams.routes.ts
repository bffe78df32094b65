import { z } from 'zod';
import { teamStatusSchema } from '../domain';
import { createTeamSchema, updateTeamSchema } from '../rest';
import { jsonRoute } from './route';

export const teamSchema = z.object({
  id: z.string(),
  stageId: z.string(),
  categoryId: z.string(),
  schoolId: z.string(),
  name: z.string(),
  coach: z.string(),
  status: teamStatusSchema,
  /** When the team reported at the venue on the day, or null while it has not. */
  checkedInAt: z.string().nullable(),
  /** In the list and on creation; absent in the answers to a status change or check-in. */
  members: z
    .array(
      z.object({
        id: z.string(),
        teamId: z.string(),
        name: z.string(),
        grade: z.number().int(),
        position: z.number().int(),
      }),
    )
    .optional(),
  /** In the list only. */
  school: z
    .object({ id: z.string(), name: z.string(), regionCode: z.string(), town: z.string() })
    .optional(),
});
export type Team = z.infer<typeof teamSchema>;

/** POST /api/teams/:id/check-in — the team has reported at the venue (or undo it). */
export const teamCheckInSchema = z.object({ checkedIn: z.boolean() }).strict();
export type TeamCheckIn = z.infer<typeof teamCheckInSchema>;

/** The teams of a stage: registration by hand, status on the day and check-in. */
export const teamsRoutes = {
  create: jsonRoute({
    method: 'POST',
    path: '/api/teams',
    body: createTeamSchema,
    response: teamSchema,
  }),
  update: jsonRoute({
    method: 'PATCH',
    path: '/api/teams/:id',
    body: updateTeamSchema,
    response: teamSchema,
    summary: 'Withdraw, mark absent or disqualified, or back to active.',
  }),
  checkIn: jsonRoute({
    method: 'POST',
    path: '/api/teams/:id/check-in',
    body: teamCheckInSchema,
    response: teamSchema,
    status: 200,
    summary: 'Check-in on the day; it does not change scores.',
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/teams',
    query: z.object({ categoryId: z.string().optional() }),
    response: z.array(teamSchema),
  }),
};
