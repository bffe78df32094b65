import {
  categoryInspectionsSchema,
  inspectionSchema,
  recordInspectionSchema,
} from '../inspections';
import { jsonRoute } from './route';

/** Technical inspection (docs/rules.md#technical-inspection): recorded by the head judge. */
export const inspectionsRoutes = {
  record: jsonRoute({
    method: 'POST',
    path: '/api/inspections',
    body: recordInspectionSchema,
    response: inspectionSchema,
    summary:
      'Pass or fail is computed from the rule set; a fail reason fails it within the limits. A new record each time; the latest counts.',
  }),
  listForCategory: jsonRoute({
    method: 'GET',
    path: '/api/categories/:id/inspections',
    response: categoryInspectionsSchema,
  }),
};
