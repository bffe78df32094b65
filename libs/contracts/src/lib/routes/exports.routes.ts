import { documentLanguagesQuerySchema } from './documents.routes';
import { fileRoute } from './route';

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Results as CSV or XLSX: one category, or every category of a stage. */
export const exportsRoutes = {
  categoryCsv: fileRoute({
    path: '/api/categories/:id/results.csv',
    contentType: CSV,
    query: documentLanguagesQuerySchema,
  }),
  categoryXlsx: fileRoute({
    path: '/api/categories/:id/results.xlsx',
    contentType: XLSX,
    query: documentLanguagesQuerySchema,
  }),
  stageCsv: fileRoute({
    path: '/api/stages/:stageId/results.csv',
    contentType: CSV,
    query: documentLanguagesQuerySchema,
  }),
  stageXlsx: fileRoute({
    path: '/api/stages/:stageId/results.xlsx',
    contentType: XLSX,
    query: documentLanguagesQuerySchema,
  }),
};
