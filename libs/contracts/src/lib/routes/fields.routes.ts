import { z } from 'zod';
import { disciplineSchema } from '../domain';
import { createFieldSchema } from '../rest';
import { jsonRoute } from './route';

/** A maze table or sumo ring of a stage. */
export const fieldSummarySchema = z.object({
  id: z.string(),
  stageId: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
  /**
   * The devices of the field's start and finish gates (docs/sensor-contract.md#gate-layout); both
   * null: the field's device does both.
   */
  startDeviceId: z.string().nullable(),
  finishDeviceId: z.string().nullable(),
});
export type FieldSummary = z.infer<typeof fieldSummarySchema>;

/** Both devices, or neither (one device times the whole run, as before). */
export const setFieldGatesSchema = z
  .object({
    startDeviceId: z.string().min(3).max(40).nullable(),
    finishDeviceId: z.string().min(3).max(40).nullable(),
  })
  .strict()
  .refine((gates) => (gates.startDeviceId === null) === (gates.finishDeviceId === null), {
    message: 'name both the start and the finish device, or neither',
  });
export type SetFieldGates = z.infer<typeof setFieldGatesSchema>;

export const fieldsRoutes = {
  create: jsonRoute({
    method: 'POST',
    path: '/api/fields',
    body: createFieldSchema,
    response: fieldSummarySchema,
  }),
  list: jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/fields',
    response: z.array(fieldSummarySchema),
  }),
  setGates: jsonRoute({
    method: 'PUT',
    path: '/api/fields/:fieldId/gates',
    body: setFieldGatesSchema,
    response: fieldSummarySchema,
    summary: "Which of the field's devices is the start gate and which the finish gate.",
  }),
};
