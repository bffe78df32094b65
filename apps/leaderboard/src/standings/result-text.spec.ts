import { t } from '@olympiad/i18n';
import type { StandingRow } from '@olympiad/scoring';
import { resultText } from './result-text';

const row = (status: StandingRow['status'], display: string): StandingRow => ({
  teamId: 'a',
  place: status === 'ranked' ? 1 : null,
  status,
  primary: status === 'ranked' ? 0 : null,
  display,
  detail: {},
});

describe('resultText', () => {
  const kk = (key: Parameters<typeof t>[1]) => t('kk', key);

  it('shows a ranked team’s result, even a zero', () => {
    expect(resultText(row('ranked', '0'), kk)).toBe('0');
  });

  it('says "not scored yet" in words, never 0', () => {
    expect(resultText(row('not-scored', '0'), kk)).toBe('Әлі бағаланбаған');
  });

  it('names the other unranked states', () => {
    expect(resultText(row('dnf', ''), kk)).toBe('Мәреге жетпеді');
    expect(resultText(row('absent', ''), (key) => t('ru', key))).toBe('Не явилась');
  });
});
