import { routes } from '@olympiad/contracts';
import { Link, QueryStatus, StatusBanner, useLanguage } from '@olympiad/ui';
import { BASE_PATH } from '../base-path';
import { ReachNotice } from '../session/reach-notice';
import { WriteZone } from '../session/write-zone';
import type { ConsoleApi } from '../stage/console-context';
import { BundleImportPanel } from './bundle-import-panel';
import { usePolledQuery } from './use-polled-query';
import { useRepublicLinks } from './use-republic-link';
import { VenueCard } from './venue-card';
import './federation.css';

export const VENUES_PATH = `${BASE_PATH}venues`;
const VENUES_POLL_MS = 5_000;

/**
 * The republic server's view of its regional venues (docs/federation.md): every regional stage
 * with its link state and last contact, link codes, and bundle files imported by hand. A stage
 * this server itself runs as a linked venue is left out: it is run here, not received.
 */
export function VenuesPage({ console: consoleApi }: { console: ConsoleApi }) {
  const { t } = useLanguage();
  const venues = usePolledQuery(
    (signal) => consoleApi.api.call(routes.federation.venues, {}, { signal }),
    [consoleApi.api],
    VENUES_POLL_MS,
  );
  const ownLinks = useRepublicLinks(consoleApi.api);
  const runHere = new Set((ownLinks.data ?? []).map((link) => link.stageId));
  const list = (venues.data ?? []).filter((venue) => !runHere.has(venue.stageId));

  return (
    <>
      <Link href={BASE_PATH} className="back-link">
        ← {t('console.stage.back')}
      </Link>
      <section aria-labelledby="venues-title" className="venues-page">
        <h2 id="venues-title">{t('console.venues.title')}</h2>
        <p className="ui-muted">{t('console.venues.hint')}</p>
        <ReachNotice action="federation.manage" />
        <WriteZone action="federation.manage" hideWhenRefused>
          <BundleImportPanel console={consoleApi} onImported={venues.reload} />
        </WriteZone>
        <QueryStatus query={venues} />
        {venues.data && list.length === 0 ? (
          <StatusBanner kind="info">{t('console.venues.empty')}</StatusBanner>
        ) : null}
        <ul className="plain-list venue-list">
          {list.map((venue) => (
            <VenueCard
              key={venue.stageId}
              console={consoleApi}
              venue={venue}
              onChanged={venues.reload}
            />
          ))}
        </ul>
      </section>
    </>
  );
}
