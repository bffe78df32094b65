import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A data URL of `text` as a QR code `width` pixels wide, or null while it is drawn (or no text). */
export function useQrCode(text: string | null, width: number): string | null {
  const [drawn, setDrawn] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void QRCode.toDataURL(text, { margin: 2, width, errorCorrectionLevel: 'M' }).then(
      (url) => live && setDrawn({ text, url }),
    );
    return () => {
      live = false;
    };
  }, [text, width]);
  return drawn && drawn.text === text ? drawn.url : null;
}
