import { z } from 'zod';
import {
  awardsStateSchema,
  publicBracketSchema,
  publicQualifierSchema,
  publicStageSummarySchema,
} from '../leaderboard-live';
import { stageSnapshotSchema, standingsSnapshotSchema } from '../live-events';
import { fileRoute, jsonRoute } from './route';

/**
 * What anyone may read without signing in: stages that are live or closed, and published
 * categories only. (The olympiad logo is `routes.olympiads.logo`.)
 */
export const publicRoutes = {
  stages: jsonRoute({
    method: 'GET',
    path: '/api/public/stages',
    response: z.array(publicStageSummarySchema),
  }),
  stage: jsonRoute({
    method: 'GET',
    path: '/api/public/stages/:code',
    response: stageSnapshotSchema,
    summary: 'The stage and its published categories.',
  }),
  stageAwards: jsonRoute({
    method: 'GET',
    path: '/api/public/stages/:code/awards',
    response: z.array(awardsStateSchema),
    summary: 'Awards ceremonies under way: only the places revealed so far.',
  }),
  qualifiers: jsonRoute({
    method: 'GET',
    path: '/api/public/stages/:code/qualifiers',
    response: z.array(publicQualifierSchema),
    summary: 'Teams a regional stage sent on, or the republic stage received.',
  }),
  categoryBracket: jsonRoute({
    method: 'GET',
    path: '/api/public/categories/:id/bracket',
    response: publicBracketSchema,
  }),
  categoryStandings: jsonRoute({
    method: 'GET',
    path: '/api/public/categories/:id/standings',
    response: standingsSnapshotSchema,
  }),
  diplomaCheck: fileRoute({
    path: '/api/public/diplomas/:code',
    contentType: 'text/html; charset=utf-8',
    query: z.object({ lang: z.enum(['kk', 'ru', 'en']).optional() }).strict(),
    summary:
      "A diploma's check page (the QR code on it leads here): genuine, replaced after a correction, or not found. Asked for without Accept: text/html, an unknown code answers 404 as JSON.",
  }),
};
