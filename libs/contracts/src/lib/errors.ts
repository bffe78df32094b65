import { z } from 'zod';

/** The body of every 4xx/5xx answer of the API. `key` selects the kk/ru/en message in libs/i18n. */
export const apiErrorBodySchema = z.object({
  statusCode: z.number().int(),
  key: z.string(),
  message: z.string(),
  /** The offending fields of a refused body: a dotted path, a message key, an English message. */
  issues: z.array(z.object({ path: z.string(), key: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
