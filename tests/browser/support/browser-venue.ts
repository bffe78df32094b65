import { startVenue, type Venue } from '../../support/start-venue';

/**
 * The venue the browser tests open: `VENUE_URL` when set (a venue someone already runs, started
 * with the test organiser of tests/support/start-venue.ts), else a fresh one on a free port.
 */
export async function browserVenue(): Promise<Venue> {
  const external = process.env.VENUE_URL;
  if (!external) return startVenue();
  const url = new URL(external);
  return {
    url: url.origin,
    port: Number(url.port),
    dataDir: '',
    pid: 0,
    output: () => '',
    stop: async () => undefined,
    kill: async () => undefined,
  };
}
