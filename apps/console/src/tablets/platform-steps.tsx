import type { MessageKey } from '@olympiad/i18n';
import { useLanguage } from '@olympiad/ui';
import { useState } from 'react';

const PLATFORMS = ['android', 'ipados', 'windows', 'chromeos'] as const;
type Platform = (typeof PLATFORMS)[number];

/** What a person does on each kind of tablet to trust the downloaded venue CA (docs/venue-network.md). */
const STEPS: Record<Platform, { steps: MessageKey[]; note?: MessageKey }> = {
  android: {
    steps: ['console.tablets.android.1', 'console.tablets.android.2', 'console.tablets.android.3'],
    note: 'console.tablets.android.note',
  },
  ipados: {
    steps: ['console.tablets.ipados.1', 'console.tablets.ipados.2', 'console.tablets.ipados.3'],
  },
  windows: {
    steps: ['console.tablets.windows.1', 'console.tablets.windows.2', 'console.tablets.windows.3'],
  },
  chromeos: {
    steps: [
      'console.tablets.chromeos.1',
      'console.tablets.chromeos.2',
      'console.tablets.chromeos.3',
    ],
  },
};

/** A large button per tablet platform and the numbered steps for the one chosen. */
export function PlatformSteps() {
  const { t } = useLanguage();
  const [platform, setPlatform] = useState<Platform>('android');
  const { steps, note } = STEPS[platform];
  return (
    <>
      <nav className="tabs" aria-label={t('console.tablets.platforms')}>
        {PLATFORMS.map((name) => (
          <button
            key={name}
            type="button"
            className="tabs__tab"
            aria-pressed={platform === name}
            onClick={() => setPlatform(name)}
          >
            {t(`console.tablets.platform.${name}`)}
          </button>
        ))}
      </nav>
      <ol className="tablet-trust__steps" data-platform={platform}>
        {steps.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      {note ? <p className="tablet-trust__note">{t(note)}</p> : null}
      <p className="ui-muted">{t('console.tablets.menuNames')}</p>
    </>
  );
}
