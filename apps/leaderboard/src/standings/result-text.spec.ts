import { t } from '@olympiad/i18n';
import type { StandingRow } from '@olympiad/scoring';
import { precisionOfTable, resultText, unconfirmedText } from './result-text';

const row = (status: StandingRow['status'], display: string): StandingRow => ({
  teamId: 'a',
  place: status === 'ranked' ? 1 : null,
  status,
  primary: status === 'ranked' ? 0 : null,
  display,
  detail: {},
});

const timed = (ms: number, display: string, timePrecision: 'ms' | 'cs'): StandingRow => ({
  ...row('ranked', display),
  primary: ms,
  timePrecision,
});

describe('resultText', () => {
  const kk = (key: Parameters<typeof t>[1]) => t('kk', key);

  it('shows a ranked team’s result, even a zero', () => {
    expect(resultText(row('ranked', '0'), kk, 'cs')).toBe('0');
  });

  it('says "not scored yet" in words, never 0', () => {
    expect(resultText(row('not-scored', '0'), kk, 'cs')).toBe('Әлі бағаланбаған');
  });

  it('names the other unranked states', () => {
    expect(resultText(row('dnf', ''), kk, 'cs')).toBe('Мәреге жетпеді');
    expect(resultText(row('absent', ''), (key) => t('ru', key), 'cs')).toBe('Не явилась');
  });

  it('writes every time of a table in its finest precision: 0:41.000 beside 0:56.838', () => {
    const rows = [timed(41_000, '0:41.00', 'cs'), timed(56_838, '0:56.838', 'ms')];
    const precision = precisionOfTable(rows);
    expect(rows.map((r) => resultText(r, kk, precision))).toEqual(['0:41.000', '0:56.838']);
    expect(precisionOfTable([timed(41_000, '0:41.00', 'cs')])).toBe('cs');
  });

  it('counts a time awaiting the judge among the table’s times, and writes it alike', () => {
    const waiting: StandingRow = {
      ...row('not-scored', ''),
      unconfirmed: { primary: 107_981, display: '1:47.981', timePrecision: 'ms' },
    };
    const rows = [timed(41_000, '0:41.00', 'cs'), waiting];
    expect(precisionOfTable(rows)).toBe('ms');
    expect(unconfirmedText(waiting, 'ms')).toBe('1:47.981');
    expect(unconfirmedText(rows[0], 'ms')).toBeNull();
  });
});
