import type { FieldError, RubricMarksPayload, RubricParams } from '@olympiad/scoring';
import { Button, ChoiceGroup, StatusBanner, useLanguage } from '@olympiad/ui';
import { useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry } from '../category/new-entry';
import { TeamWorkPanes } from '../category/team-work-panes';
import { useStandingsPreview } from '../category/use-standings-preview';
import { sheetsByTeam } from './rubric-sheets';

export interface RubricScreenProps extends ScreenProps {
  rubric: RubricParams;
  kind: string;
}

/** A judge's own rubric sheet per team; the head judge also sees every judge's sheet and the combined result. */
export function RubricScreen({ state, rubric, kind }: RubricScreenProps) {
  const { me } = useJudge();
  const { teams } = state.data;
  const preview = useStandingsPreview(state.data, state.records);
  const sheets = useMemo(() => sheetsByTeam(state.records, kind), [state.records, kind]);
  const [teamId, setTeamId] = useState<string | null>(null);
  const team = teams.find((candidate) => candidate.id === teamId);
  const mine = team ? sheets.get(team.id)?.get(me.judge.id) : undefined;
  return (
    <TeamWorkPanes teams={teams} rows={preview.rows} team={team} onChoose={setTeamId}>
      {(team) => (
        <>
          <RubricSheet
            key={team.id}
            state={state}
            rubric={rubric}
            kind={kind}
            teamId={team.id}
            teamName={team.name}
            mine={mine}
          />
          {me.judge.role === 'head-judge' ? (
            <AllSheets
              rubric={rubric}
              sheets={sheets.get(team.id)}
              detail={preview.rows.get(team.id)?.detail}
            />
          ) : null}
        </>
      )}
    </TeamWorkPanes>
  );
}

function RubricSheet({
  state,
  rubric,
  kind,
  teamId,
  teamName,
  mine,
}: ScreenProps & {
  rubric: RubricParams;
  kind: string;
  teamId: string;
  teamName: string;
  mine: RubricMarksPayload | undefined;
}) {
  const { lang, t } = useLanguage();
  const { me, outbox } = useJudge();
  const [marks, setMarks] = useState<Record<string, number>>(() => ({ ...(mine?.marks ?? {}) }));
  const [comments, setComments] = useState<Record<string, string>>(() => ({
    ...(mine?.comments ?? {}),
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const total = rubric.criteria.reduce((sum, c) => sum + (marks[c.id] ?? 0) * c.weight, 0);
  const complete = rubric.criteria.every((c) => marks[c.id] !== undefined);

  async function save() {
    const built = buildEntry(state.data.category.ruleSet, {
      categoryId: state.data.category.id,
      teamId,
      kind,
      payload: {
        judgeId: me.judge.id,
        marks,
        comments: Object.fromEntries(
          Object.entries(comments).filter(([, text]) => text.trim() !== ''),
        ),
      },
    });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors([]);
    await outbox.add(built.entry, `${teamName} · ${t('judge.rubric.sheet')}`);
    setSaved(true);
  }

  const errorFor = (id: string) =>
    errors
      .filter((e) => e.path.endsWith(`.${id}`))
      .map((e) => fieldErrorText(lang, e))
      .join(' ');
  return (
    <div className="rubric">
      <h4>{t('judge.rubric.mySheet')}</h4>
      {rubric.criteria.map((criterion) => {
        const mark = marks[criterion.id];
        const top = mark === criterion.max;
        const scale = Array.from(
          { length: criterion.max - criterion.min + 1 },
          (_, i) => criterion.min + i,
        );
        const problem = errorFor(criterion.id);
        return (
          <fieldset key={criterion.id} className="criterion">
            <legend>
              {criterion.title || criterion.id}{' '}
              <span className="muted">
                {criterion.min}–{criterion.max}
                {criterion.weight !== 1 ? ` × ${criterion.weight}` : ''}
              </span>
            </legend>
            <ChoiceGroup
              label={criterion.title || criterion.id}
              options={scale.map((value) => ({ value, label: value }))}
              value={mark}
              onChange={(value) => {
                setSaved(false);
                setMarks((m) => ({ ...m, [criterion.id]: value }));
              }}
              className="scale"
              optionClassName="scale__mark"
            />
            {top && rubric.commentOnTopMark ? (
              <label className="ui-field">
                <span className="ui-field__label">{t('judge.rubric.topMarkComment')}</span>
                <textarea
                  className="ui-field__input"
                  rows={2}
                  value={comments[criterion.id] ?? ''}
                  onChange={(event) =>
                    setComments((c) => ({ ...c, [criterion.id]: event.target.value }))
                  }
                />
              </label>
            ) : null}
            {problem ? <p className="ui-field__error">{problem}</p> : null}
          </fieldset>
        );
      })}
      <p className="rubric__total">
        {t('judge.rubric.myTotal')}:{' '}
        <strong className="digits">{complete ? total : t('judge.rubric.incomplete')}</strong>
      </p>
      {saved ? <StatusBanner kind="success">{t('judge.saved')}</StatusBanner> : null}
      <Button large disabled={!complete || saved} onClick={() => void save()}>
        {mine ? t('judge.rubric.saveAgain') : t('judge.save')}
      </Button>
    </div>
  );
}

function AllSheets({
  rubric,
  sheets,
  detail,
}: {
  rubric: RubricParams;
  sheets: Map<string, RubricMarksPayload> | undefined;
  detail: Record<string, unknown> | undefined;
}) {
  const { t } = useLanguage();
  const { me } = useJudge();
  const list = [...(sheets?.values() ?? [])];
  const combined = (detail?.['criteria'] ?? {}) as Record<string, number>;
  return (
    <div className="all-sheets">
      <h4>{t('judge.rubric.allSheets', { count: list.length })}</h4>
      {list.length === 0 ? (
        <p className="result--none">{t('board.notScored')}</p>
      ) : (
        <table className="task-table">
          <thead>
            <tr>
              <th>{t('judge.rubric.criterion')}</th>
              {list.map((sheet, index) => (
                <th key={sheet.judgeId}>
                  {sheet.judgeId === me.judge.id
                    ? t('judge.rubric.me')
                    : t('judge.rubric.judgeN', { n: index + 1 })}
                </th>
              ))}
              <th>{t('judge.rubric.combined')}</th>
            </tr>
          </thead>
          <tbody>
            {rubric.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">{criterion.title || criterion.id}</th>
                {list.map((sheet) => (
                  <td
                    key={sheet.judgeId}
                    className="digits"
                    title={sheet.comments[criterion.id] ?? undefined}
                  >
                    {sheet.marks[criterion.id]}
                  </td>
                ))}
                <td className="digits">{combined[criterion.id] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
