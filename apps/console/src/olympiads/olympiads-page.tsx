import { routes } from '@olympiad/contracts';
import { compareNames } from '@olympiad/i18n';
import {
  type ApiClient,
  Button,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import { LinkToRepublicPanel } from '../federation/link-to-republic-panel';
import { VenuesEntry } from '../federation/venues-entry';
import { ReachNotice } from '../session/reach-notice';
import { may, seesEverything } from '../session/staff-reach';
import { useStaffReach } from '../session/staff-reach-context';
import { StaffEntry } from '../staff/staff-entry';
import { TabletTrustEntry } from '../tablets/tablet-trust-entry';
import { CreateOlympiadForm } from './create-olympiad-form';
import { OlympiadLogoEditor } from './olympiad-logo-editor';
import { StageList } from './stage-list';

/** Every olympiad, newest season first, each with its stages on demand; a form for a new one. */
export function OlympiadsPage({ api }: { api: ApiClient }) {
  const { lang, t } = useLanguage();
  const olympiads = useQuery((signal) => api.call(routes.olympiads.list, {}, { signal }), [api]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const reach = useStaffReach();

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const list = [...(olympiads.data ?? [])].sort(
    (a, b) => b.season.localeCompare(a.season) || compareNames(a.name, b.name, lang),
  );

  return (
    <>
      {reach.staffRole === 'observer' ? <ReachNotice /> : null}
      {may(reach, 'staff.manage') ? <StaffEntry /> : null}
      {seesEverything(reach) ? <VenuesEntry /> : null}
      <TabletTrustEntry />
      <section aria-labelledby="olympiads-title">
        <h2 id="olympiads-title">{t('console.olympiads.title')}</h2>
        <QueryStatus query={olympiads} />
        {olympiads.status === 'ready' && list.length === 0 ? (
          <StatusBanner kind="info">{t('console.olympiads.empty')}</StatusBanner>
        ) : null}
        <ul className="olympiad-list">
          {list.map((olympiad) => (
            <li key={olympiad.id} className="ui-card">
              <div className="olympiad-list__head">
                <div>
                  <h3 className="olympiad-list__name">{olympiad.name}</h3>
                  <span className="ui-muted">{olympiad.season}</span>
                </div>
                <Button
                  variant="secondary"
                  aria-expanded={open.has(olympiad.id)}
                  onClick={() => toggle(olympiad.id)}
                >
                  {t(open.has(olympiad.id) ? 'console.stages.hide' : 'console.stages.show')}
                </Button>
              </div>
              {open.has(olympiad.id) ? (
                <>
                  {may(reach, 'olympiad.edit') ? (
                    <OlympiadLogoEditor
                      api={api}
                      olympiadId={olympiad.id}
                      logoUrl={olympiad.logoUrl}
                      onChanged={olympiads.reload}
                    />
                  ) : null}
                  <StageList api={api} olympiadId={olympiad.id} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {may(reach, 'olympiad.create') ? (
        <CreateOlympiadForm api={api} onCreated={olympiads.reload} />
      ) : null}
      {may(reach, 'federation.manage') ? <LinkToRepublicPanel api={api} /> : null}
    </>
  );
}
