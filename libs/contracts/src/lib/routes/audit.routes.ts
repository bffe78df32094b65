import { auditFiltersSchema, auditListQuerySchema, auditPageSchema } from '../audit';
import { fileRoute, jsonRoute } from './route';

/** The audit record (docs/audit.md): read with filters, page by page, or the whole match as CSV. */
export const auditRoutes = {
  list: jsonRoute({
    method: 'GET',
    path: '/api/audit',
    query: auditListQuerySchema,
    response: auditPageSchema,
    summary: 'Newest first. Filters: stage, who, action, object, from/to time.',
  }),
  csv: fileRoute({
    path: '/api/audit.csv',
    contentType: 'text/csv; charset=utf-8',
    query: auditFiltersSchema,
  }),
};
