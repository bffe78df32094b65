import type { AwardsState } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';
import './podium.css';

/**
 * The awards ceremony on the hall screen: the podium steps, each blank until the organiser
 * reveals it. Only revealed places are ever sent by the server, so a blank step hides nothing.
 */
export function AwardsPodium({ awards }: { awards: AwardsState }) {
  const { t } = useLanguage();
  const hidden = Math.max(0, awards.podium - awards.revealed.length);
  const revealedTop = [...awards.revealed].sort((a, b) => a.place - b.place);
  return (
    <section className="podium" aria-labelledby="podium-title">
      <h2 id="podium-title" className="podium__title">
        {t('board.awards.title')}
      </h2>
      <ol className="podium__steps">
        {awards.revealedCount < awards.podium && hidden > 0 ? (
          <li className="podium__step podium__step--hidden" aria-label={t('board.awards.next')}>
            <span className="podium__place">?</span>
            <span className="podium__teams">{t('board.awards.next')}</span>
          </li>
        ) : null}
        {revealedTop.map((step) => (
          <li
            key={step.place}
            className={`podium__step podium__step--${step.place}`}
            data-place={step.place}
          >
            <span className="podium__place">{t('board.awards.place', { place: step.place })}</span>
            <span className="podium__teams">
              {step.teams.map((team) => (
                <span key={team.teamId} className="podium__team">
                  <span className="podium__name">{team.name}</span>
                  <span className="podium__school">{team.school}</span>
                  <span className="podium__result">{team.display}</span>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
