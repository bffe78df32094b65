import { startVenue, type Venue } from '../support/start-venue';

/** Nest's start-up report: a line per module (InstanceLoader), controller (RoutesResolver) and route (RouterExplorer). */
const ROUTE_REPORT = /\[(RouterExplorer|RoutesResolver|InstanceLoader)\]/;

describe('what the venue prints when it starts', () => {
  const venues: Venue[] = [];
  afterAll(() => Promise.all(venues.map((venue) => venue.stop())));

  async function started(env: Record<string, string>): Promise<string> {
    const venue = await startVenue({ env });
    venues.push(venue);
    return venue.output();
  }

  it('is the addresses and the first-run link, without the route report', async () => {
    const output = await started({ ADMIN_PASSWORD: '' });
    expect(output).toMatch(/Venue server is up on port \d+/);
    expect(output).toMatch(/Judge tablet +\S+\/judge\//);
    expect(output).toMatch(
      /First run: create the organiser account at \S+\/console\/setup\?token=/,
    );
    expect(output).toMatch(/Embedded MQTT broker listening on /);
    expect(output).not.toMatch(ROUTE_REPORT);
    expect(output.trimEnd().split('\n').length).toBeLessThan(40);
  });

  it('brings the route report back with LOG_LEVEL=debug', async () => {
    const output = await started({ LOG_LEVEL: 'debug' });
    expect(output).toMatch(/\[RouterExplorer\] Mapped \{\/api\/health, GET\} route/);
    expect(output).toMatch(/\[RoutesResolver\] /);
    expect(output).toMatch(/Venue server is up on port \d+/);
  });
});
