import { z } from 'zod';
import {
  claimDisplaySchema,
  displayConfiguredSchema,
  displayPairingSchema,
  displaySummarySchema,
  updateDisplaySchema,
} from '../leaderboard-live';
import { jsonRoute } from './route';

/** Displays pair themselves (public, rate-limited); the organiser claims, configures and removes them. */
export const displaysRoutes = {
  pair: jsonRoute({
    method: 'POST',
    path: '/api/displays/pairing',
    response: displayPairingSchema,
    summary: 'A new display asks for a pairing code to show on its screen.',
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/displays',
    response: z.array(displaySummarySchema),
  }),
  claim: jsonRoute({
    method: 'POST',
    path: '/api/displays/claim',
    body: claimDisplaySchema,
    response: displayConfiguredSchema,
    status: 200,
  }),
  update: jsonRoute({
    method: 'PATCH',
    path: '/api/displays/:id',
    body: updateDisplaySchema,
    response: displayConfiguredSchema,
  }),
  remove: jsonRoute({ method: 'DELETE', path: '/api/displays/:id', response: null }),
};
