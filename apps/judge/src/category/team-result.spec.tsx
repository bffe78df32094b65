import { type StandingRow, type TimePrecision } from '@olympiad/scoring';
import { LanguageProvider } from '@olympiad/ui';
import { render } from '@testing-library/react';
import { TeamResult } from './team-result';

function shown(row: Partial<StandingRow>, precision?: TimePrecision): string {
  const full: StandingRow = {
    teamId: 't1',
    place: null,
    status: 'ranked',
    primary: null,
    display: '',
    detail: {},
    ...row,
  };
  const { container } = render(
    <LanguageProvider initial="en">
      <p>
        attempts 1 of 3 · <TeamResult row={full} precision={precision} />
      </p>
    </LanguageProvider>,
  );
  return container.textContent ?? '';
}

describe('TeamResult', () => {
  it('writes a team that did not finish without an empty part between separators', () => {
    expect(shown({ status: 'dnf' })).toBe('attempts 1 of 3 · Did not finish');
  });

  it('writes place and result of a ranked team, and a status after a result', () => {
    expect(shown({ place: 2, display: '0:41.230' })).toBe('attempts 1 of 3 · 2. 0:41.230');
    expect(shown({ status: 'disqualified', display: '0:41.230' })).toMatch(
      /^attempts 1 of 3 · 0:41\.230 · \S/,
    );
  });

  it('writes a stopwatch time with as many digits as the sensor times beside it in the list', () => {
    const row = { place: 3, display: '0:41.23', primary: 41_230, timePrecision: 'cs' as const };
    expect(shown(row, 'ms')).toBe('attempts 1 of 3 · 3. 0:41.230');
    expect(shown(row, 'cs')).toBe('attempts 1 of 3 · 3. 0:41.23');
  });

  it('shows a finish gate time waiting for the judge with its state and without a place', () => {
    const unconfirmed = { primary: 107_981, display: '1:47.981', timePrecision: 'ms' as const };
    expect(shown({ status: 'not-scored', unconfirmed })).toBe(
      'attempts 1 of 3 · Provisional 1:47.981: awaiting the judge',
    );
    expect(shown({ place: 2, display: '1:50.000', unconfirmed })).toBe(
      'attempts 1 of 3 · 2. 1:50.000 · Provisional 1:47.981: awaiting the judge',
    );
  });
});
