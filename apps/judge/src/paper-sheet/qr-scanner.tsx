import { Button, useLanguage } from '@olympiad/ui';
import { useEffect, useRef, useState } from 'react';

/**
 * The tablet's back camera read frame by frame with jsQR until a QR code is found. Only where the
 * browser allows the camera (HTTPS, docs/venue-network.md); elsewhere the code is typed.
 */
export function QrScanner({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useLanguage();
  const [scanning, setScanning] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const read = useRef(onRead);
  useEffect(() => {
    read.current = onRead;
  }, [onRead]);
  const available =
    typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const look = async () => {
      const { default: jsQR } = await import('jsqr');
      const tick = () => {
        if (stopped) return;
        const element = video.current;
        if (element && context && element.readyState >= element.HAVE_ENOUGH_DATA) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, {
            inversionAttempts: 'dontInvert',
          });
          if (code) {
            setScanning(false);
            read.current(code.data);
            return;
          }
        }
        frame = requestAnimationFrame(tick);
      };
      tick();
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (opened) => {
        stream = opened;
        if (stopped || !video.current) return;
        video.current.srcObject = opened;
        await video.current.play();
        await look();
      })
      .catch(() => {
        setFailed(true);
        setScanning(false);
      });
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  if (!available) return <p className="muted">{t('judge.sheet.noCamera')}</p>;
  return (
    <div className="sheet-scan">
      <Button variant="secondary" large onClick={() => setScanning((now) => !now)}>
        {scanning ? t('judge.sheet.scanStop') : t('judge.sheet.scan')}
      </Button>
      {scanning ? (
        <>
          <p className="muted">{t('judge.sheet.scanHint')}</p>
          <video ref={video} className="sheet-scan__video" muted playsInline />
        </>
      ) : null}
      {failed ? <p className="muted">{t('judge.sheet.noCamera')}</p> : null}
    </div>
  );
}
