import type { FieldQueue } from '@olympiad/contracts';
import { formatClockTime } from '@olympiad/i18n';
import { useLanguage } from '@olympiad/ui';
import './ring-order.css';
import { WaitEstimate } from './wait-estimate';

/**
 * A sumo ring's running order: the matches of its categories still to play (none another ring
 * holds), each with its estimated start; and, when every free match waits for a team's rest,
 * until when (docs/rules.md#schedules).
 */
export function RingOrder({ field }: { field: FieldQueue }) {
  const { lang, t } = useLanguage();
  const upcoming = field.upcoming ?? [];
  return (
    <div className="ring-order" data-testid="ring-order">
      {field.restingUntil ? (
        <p className="field-card__hint">
          {t('schedule.restingUntil', { time: formatClockTime(field.restingUntil, lang) })}
        </p>
      ) : null}
      {upcoming.length > 0 ? (
        <>
          <span className="field-card__label">{t('schedule.ringOrder')}</span>
          <ol className="ring-order__list">
            {upcoming.map((match) => {
              const here = match.matchId === field.nextMatch?.matchId;
              return (
                <li
                  key={match.matchId}
                  className={`ring-order__match${here ? ' ring-order__match--next' : ''}`}
                  data-match={match.matchId}
                >
                  <span>
                    <strong>
                      {match.a.name} – {match.b.name}
                    </strong>
                  </span>
                  <span className="ring-order__when">
                    {match.underWay ? (
                      t('schedule.onRingNow')
                    ) : (
                      <WaitEstimate waitMs={match.waitMs} />
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </div>
  );
}
