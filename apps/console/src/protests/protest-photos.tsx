import { routes, type Protest } from '@olympiad/contracts';
import { useLanguage, type ApiClient } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import { fetchFileUrl, type TokenSource } from '../transfer/file-transfer';
import './protest-photos.css';

/**
 * A protest's photos as thumbnails the organiser taps to see whole (a new tab). The photos need
 * the sign-in, so each is fetched with the token and shown from memory; freed when the list goes.
 */
export function ProtestPhotos({
  api,
  getToken,
  protest,
}: {
  api: ApiClient;
  getToken: TokenSource;
  protest: Protest;
}) {
  const { t } = useLanguage();
  const [urls, setUrls] = useState<Record<string, string | 'failed'>>({});
  useEffect(() => {
    let current = true;
    const made: string[] = [];
    protest.attachments.forEach((attachment) => {
      const address = api.url(routes.protests.attachment, {
        params: { id: protest.id, attachmentId: attachment.id },
      });
      fetchFileUrl(address, getToken).then(
        (url) => {
          made.push(url);
          if (current) setUrls((shown) => ({ ...shown, [attachment.id]: url }));
        },
        () => {
          if (current) setUrls((shown) => ({ ...shown, [attachment.id]: 'failed' }));
        },
      );
    });
    return () => {
      current = false;
      made.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [api, getToken, protest.id, protest.attachments]);

  if (protest.attachments.length === 0) return null;
  return (
    <div className="protest-photos">
      {protest.attachments.map((attachment, index) => {
        const url = urls[attachment.id];
        const label = t('console.protests.photo', { n: index + 1 });
        if (url === undefined)
          return <span key={attachment.id} className="protest-photos__slot" aria-busy="true" />;
        if (url === 'failed')
          return (
            <span key={attachment.id} className="protest-photos__slot ui-muted">
              {t('console.protests.photoFailed')}
            </span>
          );
        return (
          <a key={attachment.id} href={url} target="_blank" rel="noreferrer" aria-label={label}>
            <img src={url} alt={label} className="protest-photos__image" />
          </a>
        );
      })}
    </div>
  );
}
