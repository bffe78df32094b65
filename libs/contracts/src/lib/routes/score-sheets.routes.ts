import { z } from 'zod';
import {
  makeScoreSheetsSchema,
  scoreSheetSchema,
  scoreSheetsPdfQuerySchema,
  typedSheetResultSchema,
  typeInSheetSchema,
} from '../score-sheets';
import { fileRoute, jsonRoute } from './route';

/** Paper score sheets: made per round, printed, typed in later (README, "Paper fallback"). */
export const scoreSheetsRoutes = {
  make: jsonRoute({
    method: 'POST',
    path: '/api/categories/:id/score-sheets',
    body: makeScoreSheetsSchema,
    response: z.array(scoreSheetSchema),
    status: 200,
    summary:
      "The round's sheets, one per maze table running the category: made at the first call, the same sheets after.",
  }),
  pdf: fileRoute({
    path: '/api/categories/:id/score-sheets.pdf',
    contentType: 'application/pdf',
    query: scoreSheetsPdfQuerySchema,
    summary: "The round's sheets to print (made first with POST …/score-sheets).",
  }),
  get: jsonRoute({
    method: 'GET',
    path: '/api/score-sheets/:code',
    response: scoreSheetSchema,
    summary: 'A sheet by the code printed on it (or read from its QR code), to type it in.',
  }),
  typeIn: jsonRoute({
    method: 'POST',
    path: '/api/score-sheets/:code/lines',
    body: typeInSheetSchema,
    response: typedSheetResultSchema,
    status: 200,
    summary:
      "The sheet's typed lines as ledger entries with ids derived from the sheet: typed twice, recorded once.",
  }),
};
