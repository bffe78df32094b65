import { REGIONS, routes, type LinkCodeIssued, type VenueLinkSummary } from '@olympiad/contracts';
import { Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { WriteZone } from '../session/write-zone';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { downloadFile } from '../transfer/file-transfer';
import { formatMoment } from './federation-time';
import { minutesSince, noNewsMinutes } from './link-alarm';
import { LinkCodeDialog } from './link-code-dialog';
import { useNow } from './use-now';
import { VenueConflicts } from './venue-conflicts';

/**
 * One regional stage on the republic server and its venue: link state, last contact, what the
 * venue reported waiting, what is here, conflicts and deviations; link code, link file, unlink.
 */
export function VenueCard({
  console: consoleApi,
  venue,
  onChanged,
}: {
  console: ConsoleApi;
  venue: VenueLinkSummary;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const [issued, setIssued] = useState<LinkCodeIssued | null>(null);
  const [busy, setBusy] = useState<'code' | 'file' | 'unlink' | null>(null);
  const [armed, setArmed] = useState(false);
  const [showConflicts, setShowConflicts] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const now = useNow();
  const silent = noNewsMinutes(venue, now);
  const region = REGIONS.find((candidate) => candidate.code === venue.regionCode)?.name[lang];

  const run = async (what: 'code' | 'file' | 'unlink', action: () => Promise<void>) => {
    setBusy(what);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const issueCode = () =>
    run('code', async () => {
      setIssued(
        await consoleApi.api.call(routes.federation.linkCode, { params: { id: venue.stageId } }),
      );
      onChanged();
    });
  const linkFile = () =>
    run('file', async () => {
      await downloadFile(
        consoleApi.api.url(routes.federation.linkFile, { params: { id: venue.stageId } }),
        consoleApi.getToken,
        `${venue.stageCode}.olympiad-link.json`,
      );
      onChanged();
    });
  const unlink = () =>
    run('unlink', async () => {
      await consoleApi.api.call(routes.federation.unlinkVenue, { params: { id: venue.stageId } });
      setArmed(false);
      onChanged();
    });

  return (
    <li className={`ui-card venue-card${silent !== null ? ' venue-card--silent' : ''}`}>
      <div className="venue-card__head">
        <div>
          <h3 className="venue-card__name">{venue.stageName}</h3>
          <div className="ui-muted">
            {[region, t('stage.code', { code: venue.stageCode })].filter(Boolean).join(' · ')}
          </div>
        </div>
        <div className="stage-list__tags">
          <span className={`tag tag--link-${venue.linkState}`}>
            {t(`console.venues.state.${venue.linkState}`)}
          </span>
          <span className={`tag tag--${venue.stageStatus}`}>
            {t(`stage.status.${venue.stageStatus as 'draft' | 'live' | 'closed'}`)}
          </span>
        </div>
      </div>
      {silent !== null ? (
        <p className="federation-alarm">{t('console.venues.noNews', { count: silent })}</p>
      ) : null}
      <dl className="federation-facts">
        <dt>{t('console.venues.lastContact')}</dt>
        <dd>
          {venue.lastContactAt
            ? `${formatMoment(venue.lastContactAt, lang, now)} (${t(
                'console.federation.minutesAgo',
                {
                  count: minutesSince(venue.lastContactAt, now) ?? 0,
                },
              )})`
            : t('console.venues.never')}
        </dd>
        <dt>{t('console.venues.resultsAsOf')}</dt>
        <dd>
          {venue.lastDataAt ? formatMoment(venue.lastDataAt, lang, now) : t('console.venues.never')}
          {venue.lastVia ? ` · ${t(`console.venues.via.${venue.lastVia}`)}` : ''}
        </dd>
        <dt>{t('console.venues.pendingLabel')}</dt>
        <dd>{t('console.venues.pending', { count: venue.venuePending })}</dd>
        <dt>{t('console.venues.entriesLabel')}</dt>
        <dd>{t('console.venues.entries', { count: venue.entries })}</dd>
        <dt>{t('console.venues.conflictsLabel')}</dt>
        <dd className={venue.conflicts > 0 ? 'federation-facts__bad' : undefined}>
          {t('console.venues.conflicts', { count: venue.conflicts })}
        </dd>
      </dl>
      {venue.deviations.length > 0 ? (
        <ul className="plain-list">
          {venue.deviations.map((deviation) => (
            <li key={deviation.categoryId} className="federation-warning">
              {t('console.venues.deviation', { name: deviation.name })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="venue-card__actions">
        <WriteZone action="federation.manage" inline>
          <Button busy={busy === 'code'} onClick={() => void issueCode()}>
            {t(
              venue.linkState === 'linked'
                ? 'console.venues.reissueCode'
                : 'console.venues.issueCode',
            )}
          </Button>
          <Button variant="secondary" busy={busy === 'file'} onClick={() => void linkFile()}>
            {t('console.venues.downloadLinkFile')}
          </Button>
        </WriteZone>
        <Button
          variant="secondary"
          aria-expanded={showConflicts}
          onClick={() => setShowConflicts((shown) => !shown)}
        >
          {t(showConflicts ? 'console.venues.hideConflicts' : 'console.venues.showConflicts')}
        </Button>
        <WriteZone action="federation.manage" inline>
          {venue.linkState === 'linked' ? (
            <Button
              variant={armed ? 'danger' : 'secondary'}
              busy={busy === 'unlink'}
              onClick={() => (armed ? void unlink() : setArmed(true))}
            >
              {t(armed ? 'console.venues.unlinkConfirm' : 'console.venues.unlink')}
            </Button>
          ) : null}
          {armed ? (
            <Button variant="ghost" onClick={() => setArmed(false)}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </WriteZone>
      </div>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {issued ? (
        <LinkCodeDialog
          stageName={venue.stageName}
          issued={issued}
          onClose={() => setIssued(null)}
        />
      ) : null}
      {showConflicts ? <VenueConflicts api={consoleApi.api} stageId={venue.stageId} /> : null}
    </li>
  );
}
