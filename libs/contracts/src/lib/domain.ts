import { z } from 'zod';

export const disciplineSchema = z.enum(['maze', 'sumo', 'programming', 'creative']);
export const stageKindSchema = z.enum(['regional', 'republic']);
export type StageKind = z.infer<typeof stageKindSchema>;
export const stageStatusSchema = z.enum(['draft', 'live', 'closed']);
export type StageStatus = z.infer<typeof stageStatusSchema>;
export const judgeRoleSchema = z.enum(['head-judge', 'judge']);
export type JudgeRole = z.infer<typeof judgeRoleSchema>;
/** Every role a token can carry. */
export type Role = 'organiser' | JudgeRole;
export const teamStatusSchema = z.enum(['active', 'absent', 'withdrawn', 'disqualified']);
export const categoryStatusSchema = z.enum(['setup', 'running', 'locked']);
export type CategoryStatus = z.infer<typeof categoryStatusSchema>;
