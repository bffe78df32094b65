import type { MessageKey } from '@olympiad/i18n';
import { t as translate } from '@olympiad/i18n';
import { useLanguage } from '@olympiad/ui';

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
export function PinCards({ stageCode, cards }: { stageCode: string; cards: PinCard[] }) {
  const { t } = useLanguage();
  if (cards.length === 0) return null;
  const both = (key: MessageKey) => `${translate('kk', key)} / ${translate('ru', key)}`;
  const address = `${window.location.origin}/judge/`;
  return (
    <section className="print-area pin-cards" aria-label={t('console.judges.printCards', { count: cards.length })}>
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
            {both('console.judges.card.open')}: <strong>{address}</strong>
          </p>
          <p className="pin-card__keep">{both('console.judges.card.keep')}</p>
        </article>
      ))}
    </section>
  );
}
