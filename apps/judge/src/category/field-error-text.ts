import { type Lang, translateKey } from '@olympiad/i18n';
import type { FieldError } from '@olympiad/scoring';

/** A rules problem in the judge's language when the catalogs know its key, else the English text. */
export function fieldErrorText(lang: Lang, error: FieldError): string {
  return translateKey(lang, error.key, error.message, error.params);
}
