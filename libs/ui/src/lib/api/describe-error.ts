import { type Lang, translateKey, t } from '@olympiad/i18n';
import { ApiError } from './api-error';

/** The message to show for a failed call: the catalog's text for the error key, else the server's. */
export function describeError(lang: Lang, error: unknown): string {
  if (error instanceof ApiError) return translateKey(lang, error.key, error.message);
  return t(lang, 'errors.unknown');
}
