import type { PublicQualifier } from '@olympiad/contracts';
import type { Lang } from '@olympiad/i18n';
import { LanguageProvider } from '@olympiad/ui';
import { render, screen } from '@testing-library/react';
import { QualifiersList } from './qualifiers-list';

const rule = (text: string) => ({ kk: `${text} (kk)`, ru: `${text} (ru)`, en: text });

function qualifier(team: string, fromStage: string, ruleText: string | null): PublicQualifier {
  return {
    team,
    school: 'Школа №1',
    category: 'Лабиринт 3–4',
    fromStage,
    toStage: 'Республикалық кезең',
    reason: 'top-n',
    rule: ruleText === null ? null : rule(ruleText),
  };
}

function renderList(lang: Lang, stageName: string, list: PublicQualifier[]) {
  const fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    text: async () => JSON.stringify(list),
  }));
  render(
    <LanguageProvider initial={lang}>
      <QualifiersList
        code="R-1"
        stageName={stageName}
        fetch={fetch as unknown as typeof globalThis.fetch}
      />
    </LanguageProvider>,
  );
}

describe('public qualifiers list: the rule the teams were chosen by', () => {
  it('states the one rule of a regional stage once, in the reader’s language', async () => {
    renderList('ru', 'Ақтөбе', [
      qualifier('Барыс', 'Ақтөбе', 'top 20 %'),
      qualifier('Қыран', 'Ақтөбе', 'top 20 %'),
    ]);
    expect(await screen.findByText('top 20 % (ru)')).toBeTruthy();
    expect(screen.getAllByText(/top 20 %/)).toHaveLength(1);
  });

  it('on the republic stage names each source stage whose rule differs, and says nothing where none was kept', async () => {
    renderList('en', 'Республикалық кезең', [
      qualifier('Барыс', 'Ақтөбе', 'top 3 places'),
      qualifier('Сұңқар', 'Көкшетау', 'top 20 %'),
      qualifier('Түлкі', 'Павлодар', null),
    ]);
    expect(await screen.findByText('Ақтөбе: top 3 places')).toBeTruthy();
    expect(screen.getByText('Көкшетау: top 20 %')).toBeTruthy();
    expect(screen.queryByText(/Павлодар:/)).toBeNull();
  });

  it('does not state one stage’s rule as the whole list’s when another stage’s teams came without one (federation)', async () => {
    renderList('en', 'Республикалық кезең', [
      qualifier('Барыс', 'Ақтөбе', 'top 3 places'),
      qualifier('Түлкі', 'Павлодар', null),
    ]);
    expect(await screen.findByText('Ақтөбе: top 3 places')).toBeTruthy();
    expect(screen.queryByText('top 3 places')).toBeNull();
  });

  it('states no rule for a stage whose teams were chosen by different rules (a run again under another)', async () => {
    renderList('en', 'Ақтөбе', [
      qualifier('Барыс', 'Ақтөбе', null),
      qualifier('Ай', 'Ақтөбе', 'top 3 places'),
    ]);
    expect(await screen.findByText('Барыс')).toBeTruthy();
    expect(screen.queryByText(/top 3 places/)).toBeNull();
  });
});
