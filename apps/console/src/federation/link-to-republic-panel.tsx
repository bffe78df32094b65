import { routes } from '@olympiad/contracts';
import {
  Button,
  describeError,
  Link,
  navigate,
  StatusBanner,
  type ApiClient,
  useLanguage,
} from '@olympiad/ui';
import { type ChangeEvent, useId, useState } from 'react';
import { BASE_PATH } from '../base-path';
import { RepublicLinkStrip } from './republic-link-strip';
import { useRepublicLinks } from './use-republic-link';
import './federation.css';

/**
 * On a venue: links this server to the republic server with the code the republic organiser
 * issued, pasted, or with the link file for a venue without internet (docs/federation.md,
 * "Linking"). The stage, its olympiad and the template's categories arrive with it; the console
 * then opens that stage. Stages already linked are listed with their strip.
 */
export function LinkToRepublicPanel({ api }: { api: ApiClient }) {
  const { lang, t } = useLanguage();
  const links = useRepublicLinks(api);
  const codeId = useId();
  const fileId = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  const link = async (text: string) => {
    setFailure(null);
    setMissing(false);
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const status = await api.call(routes.federation.link, { body: { code: text.trim() } });
      navigate(`${BASE_PATH}stages/${status.stageId}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const linkWithFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await link(await file.text());
  };

  return (
    <section className="ui-card link-panel" aria-labelledby="link-panel-title">
      <h2 id="link-panel-title">{t('console.federation.linkTitle')}</h2>
      {(links.data ?? []).map((status) => (
        <div key={status.stageId} className="link-panel__linked">
          <Link className="stage-list__link" href={`${BASE_PATH}stages/${status.stageId}`}>
            {status.stageName}
          </Link>
          <RepublicLinkStrip status={status} />
        </div>
      ))}
      <p className="ui-muted">{t('console.federation.linkHint')}</p>
      <label className="ui-field__label" htmlFor={codeId}>
        {t('console.federation.codeLabel')}
      </label>
      <textarea
        id={codeId}
        className="link-panel__code"
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder="OLYMPIAD-LINK:…"
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      {missing ? <StatusBanner kind="error">{t('console.federation.noCode')}</StatusBanner> : null}
      <div className="link-panel__actions">
        <Button large busy={busy} onClick={() => void link(code)}>
          {t('console.federation.linkSubmit')}
        </Button>
        <label className="ui-button ui-button--secondary ui-button--large" htmlFor={fileId}>
          {t('console.federation.linkFile')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => void linkWithFile(event)}
        />
      </div>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
    </section>
  );
}
