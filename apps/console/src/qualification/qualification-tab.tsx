import {
  Button,
  describeError,
  SelectField,
  StatusBanner,
  TextField,
  type ApiClient,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { translateKey } from '@olympiad/i18n';
import { useState } from 'react';
import {
  routes,
  type QualificationDecisionView,
  type QualificationWildcard,
  type StageSummary,
} from '@olympiad/contracts';
import { QualificationRuleForm, RULE_DRAFT_DEFAULT, ruleOf } from './qualification-rule-form';

/** The rules' qualifying list of a closed regional stage, wildcards with a reason, and one action to enter them. */
export function QualificationTab({
  api,
  stage,
}: {
  api: ApiClient;
  stage: StageSummary & { olympiadId: string };
}) {
  const { lang, t } = useLanguage();
  const [draft, setDraft] = useState(RULE_DRAFT_DEFAULT);
  const [wildcards, setWildcards] = useState<QualificationWildcard[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [decisions, setDecisions] = useState<QualificationDecisionView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const stages = useQuery(
    (signal) =>
      api.call(routes.stages.list, { query: { olympiadId: stage.olympiadId } }, { signal }),
    [api, stage.olympiadId],
  );
  const republics = (stages.data ?? []).filter((candidate) => candidate.kind === 'republic');
  const [target, setTarget] = useState('');
  const targetStage = republics.find((candidate) => candidate.id === target) ?? republics[0];

  if (stage.kind !== 'regional')
    return <StatusBanner kind="info">{t('console.qualification.onlyRegional')}</StatusBanner>;

  const rule = ruleOf(draft);
  const run = async (next: QualificationWildcard[]) => {
    if (!rule) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await api.call(routes.qualification.preview, {
        params: { stageId: stage.id },
        body: { rule, wildcards: next },
      });
      setDecisions(answer.decisions);
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setBusy(false);
    }
  };
  const enter = async () => {
    if (!targetStage || !rule) return;
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await api.call(routes.qualification.enter, {
        params: { stageId: stage.id },
        body: { targetStageId: targetStage.id, rule, wildcards },
      });
      setOutcome({
        kind: 'success',
        text: t('console.qualification.entered', {
          count: answer.entered.length,
          already: answer.alreadyEntered,
        }),
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setBusy(false);
    }
  };
  const qualifiedCount = decisions?.filter((decision) => decision.qualified).length ?? 0;

  return (
    <>
      <section className="ui-card">
        <QualificationRuleForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            // A list shown under another rule would be entered as if it were this one.
            setDecisions(null);
          }}
        />
        <Button busy={busy} disabled={!rule} onClick={() => void run(wildcards)}>
          {t('console.qualification.check')}
        </Button>
        {outcome ? <StatusBanner kind={outcome.kind}>{outcome.text}</StatusBanner> : null}
      </section>
      {decisions ? (
        <section className="ui-card">
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('console.results.category')}</th>
                  <th scope="col">{t('console.results.team')}</th>
                  <th scope="col">{t('console.qualification.why')}</th>
                  <th scope="col">{t('console.qualification.wildcardReason')}</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((decision) => (
                  <tr
                    key={decision.teamId}
                    className={decision.qualified ? 'row--qualified' : undefined}
                  >
                    <td>{decision.category}</td>
                    <td>
                      <strong>{decision.team}</strong>
                      <div className="ui-muted">{decision.school}</div>
                    </td>
                    <td>
                      <span className={`tag ${decision.qualified ? 'tag--live' : ''}`}>
                        {t(
                          decision.qualified
                            ? 'console.qualification.qualified'
                            : 'console.qualification.notQualified',
                        )}
                      </span>
                      <div className="ui-muted">
                        {translateKey(lang, decision.key, decision.message, decision.params)}
                      </div>
                    </td>
                    <td>
                      {decision.qualified ? null : (
                        <div className="wildcard-form">
                          <TextField
                            label={t('console.qualification.wildcardReason')}
                            value={drafts[decision.teamId] ?? ''}
                            onChange={(event) =>
                              setDrafts({ ...drafts, [decision.teamId]: event.target.value })
                            }
                          />
                          <Button
                            variant="secondary"
                            disabled={(drafts[decision.teamId] ?? '').trim().length < 3}
                            onClick={() => {
                              const next = [
                                ...wildcards,
                                {
                                  categoryId: decision.categoryId,
                                  teamId: decision.teamId,
                                  reason: (drafts[decision.teamId] ?? '').trim(),
                                },
                              ];
                              setWildcards(next);
                              void run(next);
                            }}
                          >
                            {t('console.qualification.addWildcard')}
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {republics.length === 0 ? (
            <StatusBanner kind="info">{t('console.qualification.noTarget')}</StatusBanner>
          ) : (
            <>
              <SelectField
                label={t('console.qualification.target')}
                options={republics.map((candidate) => ({
                  value: candidate.id,
                  label: candidate.name,
                }))}
                value={targetStage?.id ?? ''}
                onChange={setTarget}
              />
              {stage.status !== 'closed' ? (
                <StatusBanner kind="info">{t('console.qualification.needsClosed')}</StatusBanner>
              ) : null}
              <Button
                large
                busy={busy}
                disabled={stage.status !== 'closed' || qualifiedCount === 0}
                onClick={() => void enter()}
              >
                {t('console.qualification.enter', { count: qualifiedCount })}
              </Button>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
