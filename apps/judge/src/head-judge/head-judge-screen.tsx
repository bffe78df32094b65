import { describeError, Link, StatusBanner, useLanguage } from '@olympiad/ui';
import type { ReactNode } from 'react';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';

/**
 * The frame of a head judge's screen for one category (protests, inspection): the way back to the
 * review, the title, and why nothing can be saved (offline, or the server's last refusal).
 */
export function HeadJudgeScreen({
  name,
  categoryId,
  categoryName,
  title,
  needsConnection,
  failure,
  children,
}: {
  /** The screen's class and the prefix of its title's id. */
  name: string;
  categoryId: string;
  categoryName: string;
  title: string;
  /** Said while the tablet is offline: these screens save to the server only. */
  needsConnection: string;
  failure: unknown;
  children: ReactNode;
}) {
  const { lang, t } = useLanguage();
  const { online } = useJudge();
  return (
    <section className={`screen ${name}`} aria-labelledby={`${name}-title`}>
      <div className="screen__head">
        <Link className="ui-button ui-button--ghost" href={paths.review(categoryId)}>
          ← {t('judge.review.title', { name: categoryName })}
        </Link>
        <h2 id={`${name}-title`}>{title}</h2>
      </div>
      {!online ? <StatusBanner kind="offline">{needsConnection}</StatusBanner> : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {children}
    </section>
  );
}
