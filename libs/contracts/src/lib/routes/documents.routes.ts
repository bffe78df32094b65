import { z } from 'zod';
import { fileRoute } from './route';

export const diplomaDesignSchema = z.enum(['classic', 'modern']);
export type DiplomaDesign = z.infer<typeof diplomaDesignSchema>;

export const diplomasQuerySchema = z
  .object({
    design: diplomaDesignSchema.default('classic'),
    /** Diplomas for the podium only, or for every team. */
    who: z.enum(['winners', 'all']).default('all'),
  })
  .strict();

/** Printable documents of a category (PDF, Cyrillic and Kazakh letters embedded). */
export const documentsRoutes = {
  protocol: fileRoute({
    path: '/api/categories/:id/protocol.pdf',
    contentType: 'application/pdf',
    summary: 'The official results protocol.',
  }),
  diplomas: fileRoute({
    path: '/api/categories/:id/diplomas.pdf',
    contentType: 'application/pdf',
    query: diplomasQuerySchema,
  }),
};
