import type { LinkCodeIssued } from '@olympiad/contracts';
import { formatDate } from '@olympiad/i18n';
import { Button, useLanguage } from '@olympiad/ui';
import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';

/** Copies through the clipboard API where the page may use it, else through the selected text. */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/**
 * A fresh link code for one venue: as text to copy or read out, and as a QR code to scan off this
 * screen (docs/federation.md, "Linking").
 */
export function LinkCodeDialog({
  stageName,
  issued,
  onClose,
}: {
  stageName: string;
  issued: LinkCodeIssued;
  onClose: () => void;
}) {
  const { lang, t } = useLanguage();
  const titleId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const dialog = useRef<HTMLElement>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  // It opens below the venue's buttons: bring it into view, or a tablet shows nothing new.
  useEffect(() => {
    dialog.current?.scrollIntoView({ block: 'start' });
    dialog.current?.focus();
  }, [issued.code]);

  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(issued.code, { margin: 2, width: 320, errorCorrectionLevel: 'M' }).then(
      (url) => live && setQr(url),
    );
    return () => {
      live = false;
    };
  }, [issued.code]);

  return (
    <section
      ref={dialog}
      tabIndex={-1}
      className="ui-card link-code"
      role="dialog"
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{t('console.venues.codeTitle', { stage: stageName })}</h3>
      <p>
        {t('console.venues.codeHint', {
          date: formatDate(issued.expiresAt, lang, undefined, { numeric: true }),
        })}
      </p>
      <div className="link-code__body">
        {qr ? (
          <img
            className="link-code__qr"
            src={qr}
            width={320}
            height={320}
            alt={t('console.venues.qrAlt')}
          />
        ) : null}
        <div className="link-code__text">
          <textarea
            ref={field}
            className="link-code__code"
            aria-label={t('console.venues.codeLabel')}
            readOnly
            rows={5}
            value={issued.code}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="link-code__actions">
            <Button large onClick={() => void copyText(issued.code, field.current).then(setCopied)}>
              {t('console.venues.copy')}
            </Button>
            <Button large variant="secondary" onClick={onClose}>
              {t('console.venues.closeCode')}
            </Button>
          </div>
          {copied === true ? <p role="status">{t('console.venues.copied')}</p> : null}
          {copied === false ? <p role="status">{t('console.venues.copyFailed')}</p> : null}
        </div>
      </div>
    </section>
  );
}
