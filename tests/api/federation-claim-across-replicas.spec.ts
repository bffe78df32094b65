import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
/* eslint-disable @nx/enforce-module-boundaries -- the venue's claim is signed as the server's own link code does, not with a copy that could drift */
import { decodeLinkText, signClaim } from '../../apps/api/src/federation/link-code';
import { publicKeyText } from '../../apps/api/src/federation/venue-key';
/* eslint-enable @nx/enforce-module-boundaries */
import { createRegionalStageOnRepublic, issueLinkCode } from '../support/federation';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

const ROUNDS = 12;

/**
 * A link code is spent by the first venue key that claims it. Two republic replicas on one
 * PostgreSQL database take two claims of the same code at the same moment (a venue that retried
 * through the balancer while another laptop pasted the same code): the claim takes the stage's
 * turn in the database (docs/deploy.md#writes-that-must-take-turns), so the second claim reads
 * the spent code and is refused, instead of both being told "linked" and the later key silently
 * replacing the first.
 */
describeOnPostgres(
  'two venues claiming one link code through two republic replicas at once',
  () => {
    let replicas: Venue[] = [];
    let token: string;
    let databaseUrl: string;
    let stageId: string;

    beforeAll(async () => {
      databaseUrl = await freshPostgresDatabase();
      // One after the other: the first start creates the organiser both sign in as.
      const first = await startVenue({ env: { DATABASE_URL: databaseUrl } });
      const second = await startVenue({ env: { DATABASE_URL: databaseUrl } });
      replicas = [first, second];
      token = await organiserToken(first);
      stageId = (await createRegionalStageOnRepublic(first, token)).stageId;
    }, 120_000);

    afterAll(async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
    });

    const storedKey = async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(
          'SELECT "publicKey" FROM venue_link WHERE "stageId" = $1',
          [stageId],
        );
        return rows[0].publicKey as string | null;
      } finally {
        await client.end();
      }
    };

    it('links exactly one key per code, and the one it told "linked" is the one stored', async () => {
      for (let round = 1; round <= ROUNDS; round += 1) {
        const decoded = decodeLinkText(await issueLinkCode(replicas[0], token, stageId));
        if (!decoded.ok) throw new Error(decoded.message);
        const { secret } = decoded.content;
        const claims = replicas.map((replica) => {
          const { publicKey, privateKey } = generateKeyPairSync('ed25519');
          const key = publicKeyText(publicKey);
          const body = {
            stageId,
            secret,
            publicKey: key,
            proof: signClaim(stageId, secret, privateKey),
          };
          return { key, sent: request(replica.url).post('/api/federation/claims').send(body) };
        });
        const answers = await Promise.all(claims.map((claim) => claim.sent));
        const statuses = answers.map((answer) => answer.status).sort();
        expect({ round, statuses }).toEqual({ round, statuses: [200, 403] });
        const winner = claims[answers.findIndex((answer) => answer.status === 200)];
        expect({ round, stored: await storedKey() }).toEqual({ round, stored: winner.key });
        const loser = answers.find((answer) => answer.status === 403);
        expect(loser?.body.key).toBe('federation.badLinkCode');
      }
    }, 120_000);
  },
);
