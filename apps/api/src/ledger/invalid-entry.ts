import type { FieldError } from '@olympiad/scoring';
import { invalid } from '../common/api-error';

/**
 * The rules' refusal of an entry (`validateEntry`), as the ledger answers it. `prefix` places the
 * paths in a body that wraps the entry (the review queue's `entry.`).
 */
export function invalidEntry(errors: readonly FieldError[], prefix = '') {
  const path = (error: FieldError) => `${prefix}${error.path || 'payload'}`;
  return invalid(
    errors.map((error) => `${path(error)}: ${error.message}`).join('; '),
    errors.map((error) => ({
      path: `${prefix}${error.path}`,
      key: error.key,
      message: error.message,
    })),
    'ledger.invalidEntry',
  );
}
