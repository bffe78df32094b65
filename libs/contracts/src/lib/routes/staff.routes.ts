import { z } from 'zod';
import {
  staffAccountSchema,
  staffCreateSchema,
  staffPasswordSetSchema,
  staffUpdateSchema,
} from '../staff';
import { jsonRoute } from './route';

/** Staff accounts (docs/security.md#staff-accounts): admins only. */
export const staffRoutes = {
  list: jsonRoute({ method: 'GET', path: '/api/staff', response: z.array(staffAccountSchema) }),
  create: jsonRoute({
    method: 'POST',
    path: '/api/staff',
    body: staffCreateSchema,
    response: staffAccountSchema,
    summary: 'A new staff account; the user name is unique (409 when taken).',
  }),
  update: jsonRoute({
    method: 'PATCH',
    path: '/api/staff/:id',
    body: staffUpdateSchema,
    response: staffAccountSchema,
    summary:
      'Name, role, granted stages, active. The last active admin cannot be demoted or deactivated, nor can an admin deactivate themself (409).',
  }),
  setPassword: jsonRoute({
    method: 'POST',
    path: '/api/staff/:id/password',
    body: staffPasswordSetSchema,
    response: null,
    summary: "Sets another account's password; that account's tokens end.",
  }),
};
