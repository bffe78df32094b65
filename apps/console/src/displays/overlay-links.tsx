import {
  DEFAULT_MARGIN_X,
  DEFAULT_MARGIN_Y,
  DEFAULT_TOP,
  overlayPath,
  routes,
  type OverlayKind,
  type OverlayLang,
  type StageSummary,
} from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import {
  Button,
  SelectField,
  TextField,
  type ApiClient,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import './overlay-links.css';

interface OverlayEntry {
  kind: OverlayKind;
  title: MessageKey;
  what: MessageKey;
  /** What the overlay is of: a maze table, a sumo category, any category, or the stage. */
  of: 'maze-field' | 'sumo-category' | 'category' | 'stage';
}

const OVERLAYS: OverlayEntry[] = [
  {
    kind: 'lower-third',
    title: 'console.overlays.lowerThird',
    what: 'console.overlays.lowerThird.what',
    of: 'maze-field',
  },
  {
    kind: 'score-bug',
    title: 'console.overlays.scoreBug',
    what: 'console.overlays.scoreBug.what',
    of: 'sumo-category',
  },
  {
    kind: 'standings',
    title: 'console.overlays.standings',
    what: 'console.overlays.standings.what',
    of: 'category',
  },
  {
    kind: 'bracket',
    title: 'console.overlays.bracket',
    what: 'console.overlays.bracket.what',
    of: 'sumo-category',
  },
  {
    kind: 'podium',
    title: 'console.overlays.podium',
    what: 'console.overlays.podium.what',
    of: 'stage',
  },
];

const LANGS: { value: OverlayLang; label: string }[] = [
  { value: 'kk', label: 'Қазақша' },
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

/** Copies `text`; where the clipboard is refused (plain HTTP on the LAN), selects it in `input` to copy by hand. */
async function copy(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.focus();
    input?.select();
    return false;
  }
}

/**
 * The OBS overlays of the stage (docs/results-display.md#overlays-for-obs): each one's address with
 * the field or category, language and rows chosen here, a copy button and a live preview.
 */
export function OverlayLinks({ api, stage }: { api: ApiClient; stage: StageSummary }) {
  const { t } = useLanguage();
  const fields = useQuery(
    (signal) => api.call(routes.fields.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const mazeFields = (fields.data ?? []).filter((field) => field.discipline === 'maze');
  const all = categories.data ?? [];
  const sumo = all.filter((category) => category.discipline === 'sumo');
  const [lang, setLang] = useState<OverlayLang>('kk');
  const [fieldId, setFieldId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [sumoId, setSumoId] = useState('');
  const [top, setTop] = useState(String(DEFAULT_TOP));
  const [copied, setCopied] = useState<OverlayKind | null>(null);
  const [preview, setPreview] = useState<OverlayKind | null>(null);

  const field = fieldId || mazeFields[0]?.id || '';
  const category = categoryId || all[0]?.id || '';
  const sumoCategory = sumoId || sumo[0]?.id || '';
  const rows = /^\d{1,2}$/.test(top) ? Number(top) : DEFAULT_TOP;

  const addressOf = (entry: OverlayEntry) =>
    `${window.location.origin}${overlayPath({
      kind: entry.kind,
      stageCode: stage.code,
      lang,
      fieldId: entry.of === 'maze-field' ? field : null,
      categoryId:
        entry.of === 'category' ? category : entry.of === 'sumo-category' ? sumoCategory : null,
      top: rows,
      marginX: DEFAULT_MARGIN_X,
      marginY: DEFAULT_MARGIN_Y,
    })}`;
  const missing = (entry: OverlayEntry) =>
    (entry.of === 'maze-field' && !field) ||
    (entry.of === 'category' && !category) ||
    (entry.of === 'sumo-category' && !sumoCategory);

  return (
    <section aria-labelledby="overlays-title" className="overlay-links">
      <h2 id="overlays-title">{t('console.overlays.title')}</h2>
      <p className="ui-muted">{t('console.overlays.intro')}</p>
      <div className="overlay-links__choices">
        <SelectField
          label={t('console.displays.lang')}
          options={LANGS}
          value={lang}
          onChange={setLang}
        />
        <SelectField
          label={t('console.overlays.field')}
          options={mazeFields.map((item) => ({ value: item.id, label: item.name }))}
          value={field}
          onChange={setFieldId}
          disabled={mazeFields.length === 0}
        />
        <SelectField
          label={t('console.overlays.category')}
          options={all.map((item) => ({ value: item.id, label: item.name }))}
          value={category}
          onChange={setCategoryId}
          disabled={all.length === 0}
        />
        <SelectField
          label={t('console.overlays.sumoCategory')}
          options={sumo.map((item) => ({ value: item.id, label: item.name }))}
          value={sumoCategory}
          onChange={setSumoId}
          disabled={sumo.length === 0}
        />
        <TextField
          label={t('console.overlays.rows')}
          inputMode="numeric"
          value={top}
          onChange={(event) => setTop(event.target.value)}
          maxLength={2}
        />
      </div>
      <ul className="overlay-links__list">
        {OVERLAYS.map((entry) => {
          const address = addressOf(entry);
          const inputId = `overlay-url-${entry.kind}`;
          return (
            <li key={entry.kind} className="overlay-links__item" data-overlay={entry.kind}>
              <div>
                <h3>{t(entry.title)}</h3>
                <p className="ui-muted">{t(entry.what)}</p>
              </div>
              {missing(entry) ? (
                <p className="ui-muted">
                  {t(
                    entry.of === 'maze-field'
                      ? 'console.overlays.noField'
                      : 'console.overlays.noCategory',
                  )}
                </p>
              ) : (
                <>
                  <label className="visually-hidden" htmlFor={inputId}>
                    {t('console.overlays.address')}
                  </label>
                  <input
                    id={inputId}
                    className="ui-field__input overlay-links__url"
                    readOnly
                    value={address}
                    onFocus={(event) => event.target.select()}
                  />
                  <div className="overlay-links__actions">
                    <Button
                      variant="secondary"
                      onClick={async () => {
                        const done = await copy(
                          address,
                          document.getElementById(inputId) as HTMLInputElement | null,
                        );
                        setCopied(done ? entry.kind : null);
                      }}
                    >
                      {copied === entry.kind
                        ? t('console.overlays.copied')
                        : t('console.overlays.copy')}
                    </Button>
                    <Button
                      variant="ghost"
                      aria-expanded={preview === entry.kind}
                      onClick={() => setPreview(preview === entry.kind ? null : entry.kind)}
                    >
                      {preview === entry.kind
                        ? t('console.overlays.hidePreview')
                        : t('console.overlays.preview')}
                    </Button>
                  </div>
                  {preview === entry.kind ? (
                    <div className="overlay-links__preview">
                      <iframe title={t(entry.title)} src={address} width={1920} height={1080} />
                    </div>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
