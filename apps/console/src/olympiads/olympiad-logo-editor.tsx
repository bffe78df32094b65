import { routes } from '@olympiad/contracts';
import { Button, describeError, StatusBanner, type ApiClient, useLanguage } from '@olympiad/ui';
import { useRef, useState } from 'react';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/svg+xml';

/** Reads a picked file as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The olympiad's logo for the hall screens: pick a file, see it, replace or remove it. */
export function OlympiadLogoEditor({
  api,
  olympiadId,
  logoUrl,
  onChanged,
}: {
  api: ApiClient;
  olympiadId: string;
  logoUrl: string | null;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'working' } | { kind: 'error'; message: string }
  >({ kind: 'idle' });

  const run = async (work: () => Promise<unknown>) => {
    setState({ kind: 'working' });
    try {
      await work();
      setState({ kind: 'idle' });
      onChanged();
    } catch (error) {
      setState({ kind: 'error', message: describeError(lang, error) });
    }
  };

  const upload = (file: File | undefined) => {
    if (!file) return;
    void run(async () =>
      api.call(routes.olympiads.putLogo, { params: { id: olympiadId }, body: { data: await readBase64(file) } }),
    );
  };

  return (
    <div className="olympiad-logo" aria-labelledby={`logo-${olympiadId}`}>
      <h4 id={`logo-${olympiadId}`} className="olympiad-logo__title">
        {t('console.olympiads.logo.title')}
      </h4>
      <div className="olympiad-logo__row">
        <div className="olympiad-logo__frame">
          {logoUrl ? (
            <img
              src={logoUrl}
              alt={t('console.olympiads.logo.current')}
              className="olympiad-logo__image"
            />
          ) : (
            <span className="ui-muted">{t('console.olympiads.logo.none')}</span>
          )}
        </div>
        <div className="olympiad-logo__actions">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid={`logo-file-${olympiadId}`}
            onChange={(event) => {
              upload(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
          <Button disabled={state.kind === 'working'} onClick={() => input.current?.click()}>
            {state.kind === 'working'
              ? t('console.olympiads.logo.uploading')
              : t(logoUrl ? 'console.olympiads.logo.replace' : 'console.olympiads.logo.choose')}
          </Button>
          {logoUrl ? (
            <Button
              variant="secondary"
              disabled={state.kind === 'working'}
              onClick={() => void run(() => api.call(routes.olympiads.removeLogo, { params: { id: olympiadId } }))}
            >
              {t('console.olympiads.logo.remove')}
            </Button>
          ) : null}
          <p className="ui-muted olympiad-logo__hint">{t('console.olympiads.logo.hint')}</p>
        </div>
      </div>
      {state.kind === 'error' ? <StatusBanner kind="error">{state.message}</StatusBanner> : null}
    </div>
  );
}
