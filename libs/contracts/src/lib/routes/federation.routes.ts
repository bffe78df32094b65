import { z } from 'zod';
import {
  federationConflictViewSchema,
  linkCodeIssuedSchema,
  linkVenueSchema,
  republicLinkStatusSchema,
  syncOutcomeSchema,
  venueClaimSchema,
  linkedStageDescriptionSchema,
  venueLinkSummarySchema,
  venuePublicKeySchema,
} from '../federation';
import { fileRoute, jsonRoute, uploadRoute } from './route';

/** `POST /api/federation/link/:stageId/send-now`: the stage whose outbox is sent at once. */
export const sendNowAcceptedSchema = z.object({ stageId: z.string() });
export type SendNowAccepted = z.infer<typeof sendNowAcceptedSchema>;

/**
 * Federation between regional venues and the republic server (docs/federation.md). The venue's
 * side: its key, its stage as a bundle file, its link to the republic. The republic's side: link
 * codes and files, venues' claims and batches, imported bundles, the venues and their conflicts.
 */
export const federationRoutes = {
  venueKey: jsonRoute({
    method: 'GET',
    path: '/api/federation/venue-key',
    response: venuePublicKeySchema,
  }),
  stageBundle: fileRoute({
    path: '/api/stages/:id/bundle',
    contentType: 'application/octet-stream',
    summary: 'The whole stage as a signed bundle file, for a venue whose link is down.',
  }),
  link: jsonRoute({
    method: 'POST',
    path: '/api/federation/link',
    body: linkVenueSchema,
    response: republicLinkStatusSchema,
  }),
  linkStatus: jsonRoute({
    method: 'GET',
    path: '/api/federation/link',
    response: z.array(republicLinkStatusSchema),
  }),
  sendNow: jsonRoute({
    method: 'POST',
    path: '/api/federation/link/:stageId/send-now',
    response: sendNowAcceptedSchema,
    status: 202,
  }),
  unlinkHere: jsonRoute({
    method: 'DELETE',
    path: '/api/federation/link/:stageId',
    response: null,
  }),
  linkCode: jsonRoute({
    method: 'POST',
    path: '/api/stages/:id/link-code',
    response: linkCodeIssuedSchema,
  }),
  linkFile: fileRoute({
    path: '/api/stages/:id/link-file',
    contentType: 'application/json',
    summary:
      'A new link code and the stage in one file, for a venue that cannot reach this server.',
  }),
  unlinkVenue: jsonRoute({ method: 'DELETE', path: '/api/stages/:id/link', response: null }),
  claim: jsonRoute({
    method: 'POST',
    path: '/api/federation/claims',
    body: venueClaimSchema,
    response: linkedStageDescriptionSchema,
    status: 200,
    summary:
      "A venue proves it holds the stage's code; authenticated by the code and the key's signature.",
  }),
  batch: uploadRoute({
    path: '/api/federation/stages/:stageId/batches',
    response: syncOutcomeSchema,
    status: 200,
    summary: "A venue's batch (application/octet-stream); authenticated by its Ed25519 signature.",
  }),
  importBundle: uploadRoute({
    path: '/api/federation/bundles',
    response: syncOutcomeSchema,
    status: 200,
    summary: "A venue's bundle file as it is (application/octet-stream).",
  }),
  venues: jsonRoute({
    method: 'GET',
    path: '/api/federation/venues',
    response: z.array(venueLinkSummarySchema),
  }),
  conflicts: jsonRoute({
    method: 'GET',
    path: '/api/federation/conflicts',
    query: z.object({ stageId: z.string().optional() }),
    response: z.array(federationConflictViewSchema),
  }),
};
