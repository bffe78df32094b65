import {
  categoryProtestsSchema,
  decideProtestSchema,
  protestListSchema,
  protestSchema,
  recordProtestSchema,
} from '../protests';
import { fileRoute, jsonRoute } from './route';

/** Protests: recorded and decided by the head judge, listed for the console (docs/rules.md#protests). */
export const protestsRoutes = {
  record: jsonRoute({
    method: 'POST',
    path: '/api/protests',
    body: recordProtestSchema,
    response: protestSchema,
    summary: 'Refused (409 protests.windowClosed) once the window after publication has passed.',
  }),
  decide: jsonRoute({
    method: 'POST',
    path: '/api/protests/:id/decide',
    body: decideProtestSchema,
    response: protestSchema,
    status: 200,
    summary:
      'Upheld: the correction goes through the ledger. A decided protest is not decided again (409).',
  }),
  listForStage: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/protests',
    response: protestListSchema,
  }),
  listForCategory: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/protests',
    response: categoryProtestsSchema,
  }),
  attachment: fileRoute({
    path: '/api/protests/:id/attachments/:attachmentId',
    contentType: 'image/*',
    summary: 'A photo attached to the protest.',
  }),
};
