import {
  registrationCommitJobSchema,
  registrationPreviewSchema,
  registrationResultSchema,
} from '../registration';
import { jsonRoute, uploadRoute } from './route';

/**
 * Organiser only: teams imported from a CSV or XLSX file (multipart field `file`, with the form
 * fields of registrationPreviewFormSchema / registrationConfirmFormSchema).
 */
export const registrationRoutes = {
  preview: uploadRoute({
    path: '/api/stages/:stageId/registration/preview',
    response: registrationPreviewSchema,
    status: 200,
    summary: 'Reads and checks the file; writes nothing.',
  }),
  confirm: uploadRoute({
    path: '/api/stages/:stageId/registration/confirm',
    response: registrationResultSchema,
    summary:
      'Writes the good rows of the previewed file (same SHA-256) in one transaction, and answers when done.',
  }),
  startCommit: uploadRoute({
    path: '/api/stages/:stageId/registration/commits',
    response: registrationCommitJobSchema,
    status: 202,
    summary: 'The same write as `confirm`, answered at once with a job to poll for its progress.',
  }),
  commit: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/registration/commits/:jobId',
    response: registrationCommitJobSchema,
    summary:
      'How far a commit job got (answered from memory, also while the commit holds the database).',
  }),
};
