import { Client } from 'pg';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';

const SETUP_LINK =
  /First run: create the organiser account at \S+\/console\/setup\?token=([A-Z0-9]+)/;

function setupTokenOf(replica: Venue): string {
  const link = SETUP_LINK.exec(replica.output());
  if (!link) throw new Error(`No setup link in:\n${replica.output()}`);
  return link[1];
}

async function accountsIn(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT "username" FROM organiser_account');
    return rows.map((row) => row.username as string);
  } finally {
    await client.end();
  }
}

/**
 * The republic's replicas are started on an empty PostgreSQL database (docs/deploy.md): each runs
 * the first-run preparation. Every setup link any of them prints must work until the first
 * administrator exists, and ADMIN_PASSWORD must give one account, with every replica up.
 */
describeOnPostgres('the first start of two replicas on an empty database', () => {
  let replicas: Venue[] = [];

  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    replicas = [];
  });

  it('keeps the setup link of each replica good, whichever started last, until setup is done', async () => {
    const databaseUrl = await freshPostgresDatabase();
    for (let i = 0; i < 2; i++)
      replicas.push(await startVenue({ env: { DATABASE_URL: databaseUrl, ADMIN_PASSWORD: '' } }));
    const [first, second] = replicas.map(setupTokenOf);
    expect(first).not.toBe(second);

    // The first replica's link, opened through the second replica (the balancer's choice).
    const setup = await request(replicas[1].url)
      .post('/api/setup')
      .send({ token: first, username: 'aigul', password: 'a-long-setup-password' });
    expect(setup.status).toBe(201);
    const late = await request(replicas[0].url)
      .post('/api/setup')
      .send({ token: second, username: 'bolat', password: 'another-long-password' });
    expect(late.status).toBe(409);
    expect(late.body.key).toBe('auth.setupDone');
    expect(await accountsIn(databaseUrl)).toEqual(['aigul']);
  }, 120_000);

  it('creates the ADMIN_PASSWORD account once when both start at the same moment, and both serve it', async () => {
    const databaseUrl = await freshPostgresDatabase();
    replicas = await Promise.all(
      [0, 1].map(() => startVenue({ env: { DATABASE_URL: databaseUrl } })),
    );
    expect(await accountsIn(databaseUrl)).toEqual([TEST_ADMIN.username]);
    for (const replica of replicas)
      await request(replica.url).post('/api/auth/organiser').send(TEST_ADMIN).expect(200);
  }, 120_000);
});
