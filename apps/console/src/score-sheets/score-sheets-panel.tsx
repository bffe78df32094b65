import { routes, type Category } from '@olympiad/contracts';
import type { MazeRuleSet } from '@olympiad/scoring';
import {
  Button,
  describeError,
  ProgressBar,
  SelectField,
  StatusBanner,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { downloadFile } from '../transfer/file-transfer';

type Step =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'rendering'; percent: number | null }
  | { kind: 'ready'; count: number }
  | { kind: 'error'; text: string };

/**
 * "Print score sheets" for a maze or sumo category (README, "Paper fallback"): the attempt's (or
 * set's) sheets made once (printing again gives the same sheets), then their PDF downloaded, each
 * step shown.
 */
export function ScoreSheetsPanel({
  console: consoleApi,
  category,
}: {
  console: ConsoleApi;
  category: Category;
}) {
  const { lang, t } = useLanguage();
  const { api, getToken } = consoleApi;
  const sumo = category.discipline === 'sumo';
  // A ring's sheets come in numbered sets (the matches known when each was made); a maze has attempts.
  const choices = sumo ? 10 : (category.ruleSet as MazeRuleSet).params.attempts;
  const [round, setRound] = useState('1');
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const print = async () => {
    setStep({ kind: 'making' });
    try {
      const sheets = await api.call(routes.scoreSheets.make, {
        params: { id: category.id },
        body: { round: Number(round) },
      });
      setStep({ kind: 'rendering', percent: null });
      await downloadFile(
        api.url(routes.scoreSheets.pdf, {
          params: { id: category.id },
          query: { round: Number(round) },
        }),
        getToken,
        `score-sheets-${round}.pdf`,
        (percent) => setStep({ kind: 'rendering', percent }),
      );
      setStep({ kind: 'ready', count: sheets.length });
    } catch (error) {
      setStep({ kind: 'error', text: describeError(lang, error) });
    }
  };

  const busy = step.kind === 'making' || step.kind === 'rendering';
  return (
    <section className="ui-card" aria-labelledby="score-sheets-title">
      <h3 id="score-sheets-title">{t('console.scoreSheets.title')}</h3>
      <p className="ui-muted">
        {t(sumo ? 'console.scoreSheets.sumoExplain' : 'console.scoreSheets.explain')}
      </p>
      <div className="form-grid">
        <SelectField
          label={t(sumo ? 'console.scoreSheets.set' : 'console.scoreSheets.attempt')}
          options={Array.from({ length: choices }, (_, index) => ({
            value: String(index + 1),
            label: String(index + 1),
          }))}
          value={round}
          onChange={(value) => {
            setRound(value);
            setStep({ kind: 'idle' });
          }}
        />
      </div>
      <div className="button-row">
        <Button busy={busy} onClick={() => void print()}>
          {t('console.scoreSheets.print')}
        </Button>
      </div>
      {step.kind === 'making' ? (
        <ProgressBar label={t('console.scoreSheets.making')} percent={null} />
      ) : null}
      {step.kind === 'rendering' ? (
        <ProgressBar label={t('console.scoreSheets.rendering')} percent={step.percent} />
      ) : null}
      {step.kind === 'ready' ? (
        <StatusBanner kind="success">
          {t('console.scoreSheets.ready', { count: step.count })}
        </StatusBanner>
      ) : null}
      {step.kind === 'error' ? <StatusBanner kind="error">{step.text}</StatusBanner> : null}
    </section>
  );
}
