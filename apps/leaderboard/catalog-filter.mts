import type { Plugin } from 'vite';
import { stripCatalogKeys } from './src/build/strip-catalog-keys.ts';

/** Vite plugin: the kk/ru/en catalogs in this app's bundle keep only the leaderboard's messages. */
export function catalogFilter(): Plugin {
  return {
    name: 'olympiad-catalog-filter',
    enforce: 'pre',
    transform(code, id) {
      if (!/libs\/i18n\/src\/lib\/catalogs\/(en|kk|ru)\.ts$/.test(id)) return null;
      return { code: stripCatalogKeys(code), map: null };
    },
  };
}
