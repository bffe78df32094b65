import { routes, type Category } from '@olympiad/contracts';
import { Button, describeError, StatusBanner, type ApiClient, useLanguage } from '@olympiad/ui';
import { useId, useState } from 'react';

/**
 * Every parameter of the rule set in force, as JSON the rules validate on save. Read-only once
 * scoring has started: the server refuses changes then, and the screen says so.
 */
export function RuleParamsEditor({ api, category, onSaved }: { api: ApiClient; category: Category; onSaved: () => void }) {
  const { lang, t } = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => JSON.stringify(category.ruleSet.params, null, 2));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const locked = category.status !== 'setup';

  const save = async () => {
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(text) as Record<string, unknown>;
    } catch {
      setMessage({ kind: 'error', text: t('console.categories.paramsInvalidJson') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await api.call(routes.categories.updateParams, { params: { id: category.id }, body: { params } });
      setMessage({ kind: 'success', text: t('console.categories.paramsSaved') });
      onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rule-params">
      <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('console.categories.rules')} {open ? '▲' : '▼'}
      </Button>
      {open ? (
        <>
          {locked ? <StatusBanner kind="info">{t('console.categories.paramsLocked')}</StatusBanner> : null}
          <label htmlFor={id} className="ui-field__label">{t('console.categories.paramsHint')}</label>
          <textarea id={id} className="rule-params__text" value={text} readOnly={locked} spellCheck={false} rows={12} onChange={(event) => setText(event.target.value)} />
          {message ? <StatusBanner kind={message.kind}>{message.text}</StatusBanner> : null}
          {locked ? null : (
            <Button busy={busy} onClick={() => void save()}>
              {t('console.categories.paramsSave')}
            </Button>
          )}
        </>
      ) : null}
    </div>
  );
}
