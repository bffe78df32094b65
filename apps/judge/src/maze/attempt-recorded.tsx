import type { MazeAttemptResult, TimePrecision } from '@olympiad/scoring';
import { formatResultTime } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { useOutboxState } from '../outbox/use-outbox';

/** What one Confirm (or Void) recorded, as the judge is shown it afterwards. */
export interface RecordedAttempt {
  entryId: string;
  teamName: string;
  attempt: number;
  outcome: 'finished' | 'not-finished' | 'void';
  /** The attempt as the rules count it (null for a void). */
  result: MazeAttemptResult | null;
  /** The precision of the attempt's time (thousandths from the sensor, hundredths by hand). */
  precision: TimePrecision;
  /** The rules give points (checkpoints), so they are part of the result. */
  withPoints: boolean;
}

/** The result of a recorded attempt in the judge's language, only the parts it has. */
function resultText(recorded: RecordedAttempt, t: ReturnType<typeof useLanguage>['t']): string {
  const { result, outcome } = recorded;
  if (outcome === 'void' || !result) return t('judge.maze.voided');
  const parts = [
    outcome === 'not-finished' ? t('judge.maze.notFinished') : '',
    result.voidedByTouch ? t('judge.maze.voidedByTouch') : '',
    result.class !== 'none' ? formatResultTime(result.timeMs, recorded.precision) : '',
    result.class !== 'none' && recorded.withPoints ? String(result.points) : '',
    result.touches > 0 ? t('judge.maze.touchCount', { count: result.touches }) : '',
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

/**
 * "Recorded: Қыран, attempt 1: 1:02.310 · 1 touch" and whether the server has it yet. Stays until
 * the judge's next action (another team, a change in the next attempt, OK).
 */
export function AttemptRecorded({
  recorded,
  onDismiss,
  review,
}: {
  recorded: RecordedAttempt;
  onDismiss: () => void;
  /** Double entry: the team's attempt awaits the second judge, or the head judge. */
  review?: 'awaiting-second' | 'in-review';
}) {
  const { t } = useLanguage();
  const { outbox, online } = useJudge();
  const { items } = useOutboxState(outbox);
  const item = items.find((candidate) => candidate.id === recorded.entryId);
  const delivery = !item
    ? t('judge.maze.recordedStored')
    : item.state === 'held'
      ? t('judge.maze.recordedHeld')
      : online
        ? t('judge.maze.recordedSending')
        : t('judge.maze.recordedWaiting');
  return (
    <div
      className={`attempt-recorded ${item?.state === 'held' ? 'attempt-recorded--held' : ''}`}
      role="status"
      data-testid="attempt-recorded"
    >
      <div className="attempt-recorded__text">
        <strong>{t('judge.maze.recorded')}</strong>
        <span className="attempt-recorded__what">
          {t('judge.maze.recordedWhat', {
            team: recorded.teamName,
            attempt: recorded.attempt,
            result: resultText(recorded, t),
          })}
        </span>
        <span className="attempt-recorded__delivery">{delivery}</span>
        {review ? (
          <span className="attempt-recorded__delivery" data-testid={review}>
            {t(
              review === 'in-review' ? 'judge.double.inReviewNote' : 'judge.double.awaitingSecond',
            )}
          </span>
        ) : null}
      </div>
      <Button variant="secondary" onClick={onDismiss}>
        {t('judge.maze.recordedDismiss')}
      </Button>
    </div>
  );
}
