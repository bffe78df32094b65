import { z } from 'zod';
import { createOlympiadSchema, olympiadLogoSchema } from '../rest';
import { fileRoute, jsonRoute } from './route';

export const olympiadSchema = z.object({
  id: z.string(),
  name: z.string(),
  season: z.string(),
  createdAt: z.string(),
});
export type Olympiad = z.infer<typeof olympiadSchema>;

export const olympiadSummarySchema = olympiadSchema.extend({
  /** Where the hall screens load the olympiad's logo from; null when none was uploaded. */
  logoUrl: z.string().nullable(),
});
export type OlympiadSummary = z.infer<typeof olympiadSummarySchema>;

export const storedLogoSchema = z.object({
  logoUrl: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});
export type StoredLogo = z.infer<typeof storedLogoSchema>;

/** The olympiads (seasons) of this server, and each one's logo. */
export const olympiadsRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/olympiads',
    response: z.array(olympiadSummarySchema),
  }),
  get: jsonRoute({ method: 'GET', path: '/api/olympiads/:id', response: olympiadSchema }),
  create: jsonRoute({
    method: 'POST',
    path: '/api/olympiads',
    body: createOlympiadSchema,
    response: olympiadSchema,
  }),
  putLogo: jsonRoute({
    method: 'POST',
    path: '/api/olympiads/:id/logo',
    body: olympiadLogoSchema,
    response: storedLogoSchema,
    status: 200,
    summary: 'The hall screens of every stage of the olympiad show the new logo at once.',
  }),
  removeLogo: jsonRoute({ method: 'DELETE', path: '/api/olympiads/:id/logo', response: null }),
  logo: fileRoute({
    path: '/api/public/olympiads/:id/logo',
    contentType: 'image/*',
    query: z.object({ v: z.string().optional() }),
    summary: 'The logo as an image; the version in `v` lets screens cache it for good.',
  }),
};
