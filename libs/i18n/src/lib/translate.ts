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

const hasParam = (params: MessageParams, name: string) =>
  Object.prototype.hasOwnProperty.call(params, name);

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/** Index just past the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Picks the form of `{count, plural, one {# команда} few {# команды} many {# команд} other {…}}`
 * that Intl.PluralRules gives for the count in `lang` (`=0 {…}` matches an exact count first);
 * `#` in the form is the count.
 */
function choosePlural(lang: Lang, body: string, count: number, params: MessageParams): string {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const end = closingBrace(body, open);
    if (end < 0) break;
    forms.set(selector[1], body.slice(open + 1, end - 1));
    i = end;
  }
  const form =
    forms.get(`=${count}`) ?? forms.get(pluralCategory(lang, count)) ?? forms.get('other');
  if (form === undefined) return String(count);
  return fill(lang, form, params).replace(/#/g, String(count));
}

function fill(lang: Lang, template: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const end = closingBrace(template, open);
    if (end < 0) break;
    const inner = template.slice(open + 1, end - 1);
    const plural = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural && hasParam(params, plural[1]) && typeof params[plural[1]] === 'number') {
      out += choosePlural(lang, plural[2], params[plural[1]] as number, params);
    } else if (/^\w+$/.test(inner) && hasParam(params, inner)) {
      out += String(params[inner]);
    } else {
      out += template.slice(open, end);
    }
    i = end;
  }
  return out + template.slice(i);
}

/**
 * Fills `{name}` placeholders and `{count, plural, one {…} few {…} many {…} other {…}}` choices
 * (the plural forms of `lang`); a placeholder without a value stays as it is, visibly.
 */
export function interpolate(template: string, params?: MessageParams, lang: Lang = 'en'): string {
  if (!params) return template;
  return fill(lang, template, params);
}

/** The message `key` in `lang`, with `{name}` placeholders and plural choices filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogs[lang][key], params, lang);
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
