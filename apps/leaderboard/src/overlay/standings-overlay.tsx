import type { StandingsSnapshot } from '@olympiad/contracts';
import { StandingsTable } from '../standings/standings-table';

/** The top N of a category's standings, as the hall's table writes them. */
export function StandingsOverlay({
  name,
  standings,
  top,
}: {
  name: string;
  standings: StandingsSnapshot;
  top: number;
}) {
  return (
    <section className="overlay__panel overlay__standings">
      <h1 className="overlay__title">{name}</h1>
      <StandingsTable
        standings={standings}
        rows={standings.standings.rows.slice(0, top)}
        className="standings--hall"
      />
    </section>
  );
}
