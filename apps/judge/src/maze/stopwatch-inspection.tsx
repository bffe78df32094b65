import { InspectionNotice, useBlockedTeams } from '../inspection/inspection-notice';

/**
 * On a table without a field (stopwatch only) nothing is armed, so the attempt form itself says
 * when the team may not run (docs/judge-tablet.md#inspection): the server refuses its first entry.
 */
export function StopwatchInspection({
  categoryId,
  teamId,
  teamName,
}: {
  categoryId: string;
  teamId: string;
  teamName: string;
}) {
  const blocked = useBlockedTeams(categoryId, [{ id: teamId, name: teamName }]);
  return <InspectionNotice blocked={blocked} />;
}
