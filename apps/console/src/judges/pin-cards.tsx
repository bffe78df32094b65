import { routes } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { t as translate } from '@olympiad/i18n';
import { type ApiClient, useLanguage, useQuery } from '@olympiad/ui';
import type { ReactNode } from 'react';
import { pinCardAddresses } from './pin-card-address';

/** A printed address may wrap after a colon or slash: never inside the IP address or "judge". */
function breakable(url: string): ReactNode[] {
  return url
    .split(/(?<=[./:])/)
    .flatMap((part, index) => (index === 0 ? [part] : [<wbr key={index} />, part]));
}

export interface PinCard {
  id: string;
  name: string;
  role: 'judge' | 'head-judge';
  pin: string;
}

/**
 * Cut-out cards for judges, printed with the browser (only this area prints). Kazakh and Russian
 * on every card whatever the console's language, since judges read either.
 */
export function PinCards({
  api,
  stageCode,
  cards,
}: {
  api: ApiClient;
  stageCode: string;
  cards: PinCard[];
}) {
  const { t } = useLanguage();
  const tls = useQuery((signal) => api.call(routes.tls.info, {}, { signal }), [api]);
  if (cards.length === 0) return null;
  const both = (key: MessageKey) => `${translate('kk', key)} / ${translate('ru', key)}`;
  const address = pinCardAddresses(tls.data, window.location.origin);
  return (
    <section
      className="print-area pin-cards"
      aria-label={t('console.judges.printCards', { count: cards.length })}
    >
      {cards.map((card) => (
        <article key={card.id} className="pin-card">
          <h4 className="pin-card__title">{both('console.judges.card.title')}</h4>
          <p className="pin-card__name">{card.name}</p>
          <p className="pin-card__role">{both(`judge.role.${card.role}` as MessageKey)}</p>
          <dl className="pin-card__codes">
            <dt>{both('console.judges.card.stageCode')}</dt>
            <dd>{stageCode}</dd>
            <dt>{both('console.judges.card.pin')}</dt>
            <dd>{card.pin}</dd>
          </dl>
          <p className="pin-card__open">
            {both('console.judges.card.open')}: <strong>{breakable(address.byName)}</strong>
          </p>
          {address.byAddress ? (
            <p className="pin-card__fallback">
              {both('console.judges.card.orAddress')}:{' '}
              <strong>{breakable(address.byAddress)}</strong>
            </p>
          ) : null}
          <p className="pin-card__keep">{both('console.judges.card.keep')}</p>
        </article>
      ))}
    </section>
  );
}
