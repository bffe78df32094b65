import { en } from './catalogs/en';
import { kk } from './catalogs/kk';
import { ru } from './catalogs/ru';
import type { Lang } from './languages';
import type { MessageKey } from './message-key';

export type MessageParams = Record<string, string | number>;

const catalogs: Record<Lang, Record<MessageKey, string>> = { kk, ru, en };

/** Whether `key` is a message of the catalogs, e.g. an error key the API sent. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Fills `{name}` placeholders; a placeholder without a value stays as it is, visibly. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogs[lang][key], params);
}

/**
 * Translates a key that came from outside (an API error, a scoring validation message) when the
 * catalogs know it, else returns the fallback text the sender gave.
 */
export function translateKey(
  lang: Lang,
  key: string,
  fallback: string,
  params?: MessageParams,
): string {
  return isMessageKey(key) ? t(lang, key, params) : fallback;
}
