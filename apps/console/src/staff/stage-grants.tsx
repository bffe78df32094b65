import type { StageSummary } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';

/** Tick boxes for the stages a coordinator is granted, one large row per stage. */
export function StageGrants({
  stages,
  chosen,
  onChange,
  error,
}: {
  stages: readonly StageSummary[];
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  error?: string | null;
}) {
  const { t } = useLanguage();
  return (
    <fieldset className="check-group">
      <legend className="ui-field__label">{t('console.staff.stages')}</legend>
      {stages.length === 0 ? <p className="ui-muted">{t('console.staff.noStages')}</p> : null}
      {stages.map((stage) => (
        <label key={stage.id} className="check-row">
          <input
            type="checkbox"
            checked={chosen.has(stage.id)}
            onChange={(event) => {
              const next = new Set(chosen);
              if (event.target.checked) next.add(stage.id);
              else next.delete(stage.id);
              onChange(next);
            }}
          />
          <span>
            {stage.name} <span className="ui-muted">({stage.code})</span>
          </span>
        </label>
      ))}
      {error ? <p className="ui-field__error">{error}</p> : null}
    </fieldset>
  );
}
