import { useLanguage } from '@olympiad/ui';

/**
 * "in about 12 minutes" from the server's estimate (docs/rules.md#schedules), rounded to whole
 * minutes; under half a minute the team is next up; without a pace yet it says so.
 */
export function WaitEstimate({ waitMs }: { waitMs: number | null | undefined }) {
  const { t } = useLanguage();
  if (waitMs === null || waitMs === undefined)
    return (
      <span className="wait-estimate wait-estimate--unknown ui-muted">
        {t('schedule.waitUnknown')}
      </span>
    );
  const minutes = Math.round(waitMs / 60_000);
  return (
    <span className="wait-estimate" data-wait-minutes={minutes}>
      {minutes < 1 ? t('schedule.waitNext') : t('schedule.waitAbout', { count: minutes })}
    </span>
  );
}
