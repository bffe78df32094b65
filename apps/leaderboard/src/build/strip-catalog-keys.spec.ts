import { stripCatalogKeys } from './strip-catalog-keys';

describe('stripCatalogKeys (the leaderboard bundle ships only its own messages)', () => {
  const source = `export const en = {
  'app.leaderboard': 'Live results',
  // a comment
  'judge.pin': 'PIN',
  'console.setup.intro':
    'A long text, on its own line, with a comma, inside',
  'board.search': 'Search',
  'errors.storageFull': 'The disk is full',
} satisfies Record<string, string>;`;

  it('keeps board, app and error messages and drops other apps’ messages, multi-line ones too', () => {
    const out = stripCatalogKeys(source);
    expect(out).toContain("'app.leaderboard': 'Live results'");
    expect(out).toContain("'board.search': 'Search'");
    expect(out).not.toContain('judge.pin');
    expect(out).not.toContain('console.setup.intro');
    expect(out).not.toContain('A long text');
  });

  it('drops the error messages of writes, which the public pages never make', () => {
    expect(stripCatalogKeys(source)).not.toContain('errors.storageFull');
  });

  it('leaves valid code behind', () => {
    const out = stripCatalogKeys(source).replace(' satisfies Record<string, string>', '');
    // Evaluating the stripped source is the plainest proof that it is still a valid object literal.
    // eslint-disable-next-line no-new-func
    const en = new Function(`${out.replace('export const en =', 'return')}`)() as Record<
      string,
      string
    >;
    expect(en).toEqual({ 'app.leaderboard': 'Live results', 'board.search': 'Search' });
  });
});
