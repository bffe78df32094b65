import { routes, type VenueTlsInfo } from '@olympiad/contracts';
import {
  type ApiClient,
  Link,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { BASE_PATH } from '../base-path';
import { fingerprintLines } from './fingerprint';
import { judgeAppUrl, judgeAppUrlsByAddress } from './judge-app-urls';
import { PlatformSteps } from './platform-steps';
import { useQrCode } from './use-qr-code';
import './tablet-trust.css';

export const TABLETS_PATH = `${BASE_PATH}tablets`;

/**
 * How a judge tablet comes to trust this venue's HTTPS (docs/venue-network.md): download the
 * venue CA by QR code, trust it the way the tablet's platform wants, open the judge app's HTTPS
 * address. A venue with its own certificate skips the first two; one with HTTPS off has none.
 */
export function TabletTrustPage({ api }: { api: ApiClient }) {
  const { t } = useLanguage();
  const tls = useQuery((signal) => api.call(routes.tls.info, {}, { signal }), [api]);
  return (
    <>
      <Link href={BASE_PATH} className="back-link">
        ← {t('console.stage.back')}
      </Link>
      <section aria-labelledby="tablets-title" className="tablet-trust">
        <h2 id="tablets-title">{t('console.tablets.title')}</h2>
        <QueryStatus query={tls} />
        {tls.data ? <TrustSteps info={tls.data} /> : null}
      </section>
    </>
  );
}

function TrustSteps({ info }: { info: VenueTlsInfo }) {
  const { t } = useLanguage();
  if (info.mode === 'off' || info.httpsUrl === null) {
    return <p className="tablet-trust__warning">{t('console.tablets.off')}</p>;
  }
  if (info.mode === 'own-certificate' || info.caDownloadUrl === null) {
    return (
      <>
        <StatusBanner kind="success">{t('console.tablets.ownCertificate')}</StatusBanner>
        <div className="ui-card tablet-trust__step">
          <OpenJudgeApp info={info} httpsUrl={info.httpsUrl} />
        </div>
      </>
    );
  }
  return (
    <>
      <p>{t('console.tablets.intro')}</p>
      <ol className="tablet-trust__cards">
        <li className="ui-card tablet-trust__step" data-step="download">
          <DownloadCa url={info.caDownloadUrl} fingerprint={info.caFingerprintSha256} />
        </li>
        <li className="ui-card tablet-trust__step" data-step="trust">
          <h3>{t('console.tablets.trustTitle')}</h3>
          <PlatformSteps />
        </li>
        <li className="ui-card tablet-trust__step" data-step="open">
          <OpenJudgeApp info={info} httpsUrl={info.httpsUrl} />
        </li>
      </ol>
    </>
  );
}

const QR_WIDTH = 280;

function DownloadCa({ url, fingerprint }: { url: string; fingerprint: string | null }) {
  const { t } = useLanguage();
  const qr = useQrCode(url, QR_WIDTH);
  return (
    <>
      <h3>{t('console.tablets.downloadTitle')}</h3>
      <div className="tablet-trust__body">
        <QrImage src={qr} alt={t('console.tablets.caQrAlt')} />
        <div className="tablet-trust__text">
          <p>{t('console.tablets.downloadHint')}</p>
          <a className="tablet-trust__url" href={url} data-testid="ca-download-url">
            {url}
          </a>
          {fingerprint ? (
            <>
              <p className="ui-field__label">{t('console.tablets.fingerprint')}</p>
              <code className="tablet-trust__fingerprint" data-testid="ca-fingerprint">
                {fingerprintLines(fingerprint).map((line, index) => (
                  <span key={index}>{line}</span>
                ))}
              </code>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

function OpenJudgeApp({ info, httpsUrl }: { info: VenueTlsInfo; httpsUrl: string }) {
  const { t } = useLanguage();
  const judgeUrl = judgeAppUrl(httpsUrl);
  const qr = useQrCode(judgeUrl, QR_WIDTH);
  const byAddress = judgeAppUrlsByAddress(info);
  return (
    <>
      <h3>{t('console.tablets.openTitle')}</h3>
      <div className="tablet-trust__body">
        <QrImage src={qr} alt={t('console.tablets.judgeQrAlt')} />
        <div className="tablet-trust__text">
          <p>{t('console.tablets.openHint')}</p>
          <a className="tablet-trust__url" href={judgeUrl} data-testid="judge-https-url">
            {judgeUrl}
          </a>
          {byAddress.length > 0 ? (
            <>
              <p className="ui-muted">{t('console.tablets.byAddress', { name: info.name })}</p>
              <ul className="plain-list">
                {byAddress.map((url) => (
                  <li key={url}>
                    <code>{url}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

function QrImage({ src, alt }: { src: string | null; alt: string }) {
  return src ? (
    <img className="tablet-trust__qr" src={src} width={QR_WIDTH} height={QR_WIDTH} alt={alt} />
  ) : (
    <span className="tablet-trust__qr" aria-hidden="true" />
  );
}
