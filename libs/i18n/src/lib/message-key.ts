import type { en } from './catalogs/en';

/**
 * Every message key. The English catalog defines the set; the Kazakh and Russian catalogs are
 * checked against it with `satisfies Record<MessageKey, string>`, so a missing or extra key in
 * any language is a type error.
 */
export type MessageKey = keyof typeof en;
