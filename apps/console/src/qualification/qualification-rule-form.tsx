import { ChoiceGroup, SelectField, TextField, useLanguage } from '@olympiad/ui';
import {
  describeQualificationRule,
  parseResultTime,
  type QualificationRule,
} from '@olympiad/scoring';

type Threshold = QualificationRule['threshold']['kind'];

/** What the organiser has typed; `ruleOf` turns it into the rule (docs/qualification-rules.md). */
export interface RuleDraft {
  mode: 'top-n' | 'top-percent';
  topN: string;
  topPercent: string;
  perAgeGroup: boolean;
  threshold: Threshold;
  minPoints: string;
  maxTime: string;
}

export const RULE_DRAFT_DEFAULT: RuleDraft = {
  mode: 'top-n',
  topN: '3',
  topPercent: '20',
  perAgeGroup: true,
  threshold: 'finished',
  minPoints: '0',
  maxTime: '',
};

const whole = (text: string, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.trunc(Number(text) || 0)));

/** The rule the draft says, or null while the time it asks for cannot be read. */
export function ruleOf(draft: RuleDraft): QualificationRule | null {
  const selection: QualificationRule['selection'] =
    draft.mode === 'top-n'
      ? { mode: 'top-n', n: whole(draft.topN, 0, 1_000) }
      : { mode: 'top-percent', percent: whole(draft.topPercent, 1, 100) };
  let threshold: QualificationRule['threshold'];
  if (draft.threshold === 'min-primary') {
    threshold = { kind: 'min-primary', value: whole(draft.minPoints, -1_000_000, 1_000_000) };
  } else if (draft.threshold === 'max-primary') {
    const ms = parseResultTime(draft.maxTime);
    if (ms === null) return null;
    threshold = { kind: 'max-primary', value: ms };
  } else {
    threshold = { kind: draft.threshold };
  }
  return { selection, perAgeGroup: draft.perAgeGroup, threshold, carryOver: false };
}

/** The rule's choices: top N or top %, per age group or not, and what every qualifier must have. */
export function QualificationRuleForm({
  draft,
  onChange,
}: {
  draft: RuleDraft;
  onChange: (next: RuleDraft) => void;
}) {
  const { t } = useLanguage();
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const rule = ruleOf(draft);
  return (
    <>
      <ChoiceGroup
        label={t('console.qualification.mode')}
        options={[
          { value: 'top-n', label: t('console.qualification.mode.topN') },
          { value: 'top-percent', label: t('console.qualification.mode.topPercent') },
        ]}
        value={draft.mode}
        onChange={(mode) => set({ mode })}
      />
      <div className="form-grid">
        {draft.mode === 'top-n' ? (
          <TextField
            label={t('console.qualification.topN')}
            type="number"
            min={0}
            inputMode="numeric"
            value={draft.topN}
            onChange={(event) => set({ topN: event.target.value })}
          />
        ) : (
          <TextField
            label={t('console.qualification.topPercent')}
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            value={draft.topPercent}
            onChange={(event) => set({ topPercent: event.target.value })}
          />
        )}
        <SelectField<Threshold>
          label={t('console.qualification.threshold')}
          options={[
            { value: 'finished', label: t('console.qualification.threshold.finished') },
            { value: 'ranked', label: t('console.qualification.threshold.ranked') },
            { value: 'min-primary', label: t('console.qualification.threshold.minPoints') },
            { value: 'max-primary', label: t('console.qualification.threshold.maxTime') },
          ]}
          value={draft.threshold}
          onChange={(threshold) => set({ threshold })}
        />
        {draft.threshold === 'min-primary' ? (
          <TextField
            label={t('console.qualification.minPoints')}
            type="number"
            inputMode="numeric"
            value={draft.minPoints}
            onChange={(event) => set({ minPoints: event.target.value })}
          />
        ) : null}
        {draft.threshold === 'max-primary' ? (
          <TextField
            label={t('console.qualification.maxTime')}
            inputMode="decimal"
            value={draft.maxTime}
            error={
              draft.maxTime.trim() !== '' && rule === null
                ? t('console.qualification.badTime')
                : null
            }
            onChange={(event) => set({ maxTime: event.target.value })}
          />
        ) : null}
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          checked={draft.perAgeGroup}
          onChange={(event) => set({ perAgeGroup: event.target.checked })}
        />
        <span>{t('console.qualification.perAgeGroup')}</span>
      </label>
      {rule ? (
        <p className="ui-muted">
          {t('console.qualification.rule', {
            rule: describeQualificationRule(rule)
              .map((phrase) => t(phrase.key, phrase.params))
              .join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}
