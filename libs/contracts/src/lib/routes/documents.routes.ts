import { z } from 'zod';
import { fileRoute } from './route';

/**
 * The languages an official document is written in: Kazakh and Russian always (the default), English
 * as a third where the organiser asks for it (README, "Documents in English").
 */
export const documentLanguagesSchema = z.enum(['kk-ru', 'kk-ru-en']);
export type DocumentLanguages = z.infer<typeof documentLanguagesSchema>;

/** `?languages=kk-ru-en` adds English to a protocol, diplomas or an export. */
export const documentLanguagesQuerySchema = z
  .object({ languages: documentLanguagesSchema.default('kk-ru') })
  .strict();

export const diplomaDesignSchema = z.enum(['classic', 'modern']);
export type DiplomaDesign = z.infer<typeof diplomaDesignSchema>;

export const diplomasQuerySchema = z
  .object({
    design: diplomaDesignSchema.default('classic'),
    /** Diplomas for the podium only, or for every team. */
    who: z.enum(['winners', 'all']).default('all'),
    languages: documentLanguagesSchema.default('kk-ru'),
  })
  .strict();

/** Printable documents of a category (PDF, Cyrillic and Kazakh letters embedded). */
export const documentsRoutes = {
  protocol: fileRoute({
    path: '/api/categories/:id/protocol.pdf',
    contentType: 'application/pdf',
    query: documentLanguagesQuerySchema,
    summary: 'The official results protocol.',
  }),
  diplomas: fileRoute({
    path: '/api/categories/:id/diplomas.pdf',
    contentType: 'application/pdf',
    query: diplomasQuerySchema,
  }),
};
