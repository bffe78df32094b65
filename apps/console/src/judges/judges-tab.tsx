import { routes, type Judge, type StageSummary } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import {
  type ApiClient,
  Button,
  describeError,
  QueryStatus,
  SelectField,
  StatusBanner,
  TextField,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import { PinCards, type PinCard } from './pin-cards';

/**
 * Judge accounts: a PIN is shown once, when the account is made or the PIN reset, so every PIN
 * of this visit is kept on screen for printing PIN cards until the page is left.
 */
export function JudgesTab({ api, stage }: { api: ApiClient; stage: StageSummary }) {
  const { lang, t } = useLanguage();
  const judges = useQuery(
    (signal) => api.call(routes.judges.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const [name, setName] = useState('');
  const [role, setRole] = useState<Judge['role']>('judge');
  const fields = useQuery(
    (signal) => api.call(routes.fields.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [chosenFields, setChosenFields] = useState<Set<string>>(new Set());
  const [cards, setCards] = useState<PinCard[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const remember = (card: PinCard) =>
    setCards((current) => [...current.filter((other) => other.id !== card.id), card]);

  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.call(routes.judges.create, {
        body: {
          stageId: stage.id,
          name: name.trim(),
          role,
          categoryIds: [...chosen],
          fieldIds: [...chosenFields],
        },
      });
      remember({ id: created.id, name: created.name, role: created.role, pin: created.pin });
      setName('');
      setChosen(new Set());
      setChosenFields(new Set());
      judges.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const resetPin = async (judge: Judge) => {
    setFailure(null);
    try {
      const answer = await api.call(routes.judges.resetPin, { params: { id: judge.id } });
      remember({ id: judge.id, name: judge.name, role: judge.role, pin: answer.pin });
    } catch (error) {
      setFailure(error);
    }
  };

  const categoryName = new Map(
    (categories.data ?? []).map((category) => [category.id, category.name]),
  );
  const fieldName = new Map((fields.data ?? []).map((field) => [field.id, field.name]));
  return (
    <>
      {cards.length > 0 ? (
        <section className="ui-card no-print">
          {cards.map((card) => (
            <StatusBanner key={card.id} kind="success">
              {t('console.judges.pinOnce', { name: card.name, pin: card.pin })}
            </StatusBanner>
          ))}
          <Button large onClick={() => window.print()}>
            {t('console.judges.printCards', { count: cards.length })}
          </Button>
        </section>
      ) : null}
      <PinCards api={api} stageCode={stage.code} cards={cards} />

      <section className="ui-card no-print">
        <h3>{t('console.judges.title')}</h3>
        <QueryStatus
          query={judges}
          empty={<p className="ui-muted">{t('console.judges.empty')}</p>}
        />
        <ul className="plain-list">
          {(judges.data ?? []).map((judge) => (
            <li key={judge.id} className="team-row">
              <div className="team-row__text">
                <strong>{judge.name}</strong>{' '}
                <span className="tag">{t(`judge.role.${judge.role}` as MessageKey)}</span>
                {judge.active ? null : (
                  <span className="tag tag--withdrawn">{t('console.judges.inactive')}</span>
                )}
                <div className="ui-muted">
                  {[
                    ...judge.categoryIds.map((id) => categoryName.get(id) ?? ''),
                    ...(judge.fieldIds ?? []).map((id) => fieldName.get(id) ?? ''),
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </div>
              </div>
              <Button variant="secondary" onClick={() => void resetPin(judge)}>
                {t('console.judges.newPin')}
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <form
        className="ui-card no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <h3>{t('console.judges.new')}</h3>
        {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
        <div className="form-grid">
          <TextField
            className="form-grid__wide"
            label={t('console.judges.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <SelectField<Judge['role']>
            label={t('console.judges.role')}
            options={[
              { value: 'judge', label: t('judge.role.judge') },
              { value: 'head-judge', label: t('judge.role.head-judge') },
            ]}
            value={role}
            onChange={setRole}
          />
        </div>
        {(categories.data ?? []).length > 0 ? (
          <fieldset className="check-group">
            <legend className="ui-field__label">{t('console.judges.categories')}</legend>
            {(categories.data ?? []).map((category) => (
              <label key={category.id} className="check-row">
                <input
                  type="checkbox"
                  checked={chosen.has(category.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(category.id);
                    else next.delete(category.id);
                    setChosen(next);
                  }}
                />
                <span>{category.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {(fields.data ?? []).length > 0 ? (
          <fieldset className="check-group">
            <legend className="ui-field__label">{t('console.judges.fields')}</legend>
            {(fields.data ?? []).map((field) => (
              <label key={field.id} className="check-row">
                <input
                  type="checkbox"
                  checked={chosenFields.has(field.id)}
                  onChange={(event) => {
                    const next = new Set(chosenFields);
                    if (event.target.checked) next.add(field.id);
                    else next.delete(field.id);
                    setChosenFields(next);
                  }}
                />
                <span>{field.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <Button type="submit" busy={busy} disabled={!name.trim()}>
          {t('console.judges.submit')}
        </Button>
      </form>
    </>
  );
}
