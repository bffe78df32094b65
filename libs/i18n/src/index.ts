export * from './lib/languages';
export * from './lib/language-choice';
export type { MessageKey } from './lib/message-key';
export * from './lib/translate';
export { compareNames, sortByName } from './lib/collation';
export * from './lib/search';
export * from './lib/lookalikes';
export { KAZAKH_ALPHABET, RUSSIAN_ALPHABET } from './lib/alphabets';
export * from './lib/date-time';
