import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import type { Venue } from '../support/start-venue';
import { startLinkedServers, type LinkedStage } from '../support/federation';

/**
 * The venue checks the stage it is handed before it creates anything (docs/federation.md,
 * "Linking"): the republic's answer to a claim and a pasted link file are read with the same
 * schema, rule sets included, so a category or rule set this server cannot judge by is refused.
 */
type Description = {
  stage: { id: string };
  categories: { discipline: string; ruleSet: { params: Record<string, unknown> } }[];
  [field: string]: unknown;
};

const unknownDiscipline = (description: Description) => {
  description.categories[0].discipline = 'football';
};
const attemptsOutOfRange = (description: Description) => {
  description.categories[0].ruleSet.params.attempts = 99;
};

describe('a venue handed a stage it cannot use', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  /** Between the venue and the republic: passes the claim on, and changes the answer with this. */
  let change: (description: Description) => void = () => undefined;
  let answering: http.Server;
  let answeringAddress: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
    }));
    answering = http.createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', async () => {
        const answer = await fetch(`${republic.url}${incoming.url}`, {
          method: incoming.method,
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.concat(chunks),
        });
        const body = await answer.json();
        if (answer.ok) change(body);
        outgoing.writeHead(answer.status, { 'Content-Type': 'application/json' });
        outgoing.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    answeringAddress = `127.0.0.1:${(answering.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    answering?.closeAllConnections();
    if (answering) await new Promise((resolve) => answering.close(resolve));
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  /** A link code naming the answering server as the republic's address. */
  const codeThroughAnswering = async () =>
    (
      await request(republic.url)
        .post(`/api/stages/${linked.stageId}/link-code`)
        .set('Host', answeringAddress)
        .set(auth(republicToken))
        .expect(201)
    ).body.code as string;

  const linkFile = async () =>
    JSON.parse(
      (
        await request(republic.url)
          .get(`/api/stages/${linked.stageId}/link-file`)
          .set('Host', '127.0.0.1:9')
          .set(auth(republicToken))
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body.toString('utf8'),
    ) as { stage: Description; [field: string]: unknown };

  const link = (code: string) =>
    request(venue.url).post('/api/federation/link').set(auth(venueToken)).send({ code });

  /** Nothing of the stage at the venue: no stage, no category, no link. */
  const expectNothingCreated = async () => {
    const stages = await request(venue.url).get('/api/stages').set(auth(venueToken)).expect(200);
    expect(stages.body.map((stage: { id: string }) => stage.id)).not.toContain(linked.stageId);
    await request(venue.url)
      .get(`/api/categories/${linked.categoryId}`)
      .set(auth(venueToken))
      .expect(404);
    const links = await request(venue.url)
      .get('/api/federation/link')
      .set(auth(venueToken))
      .expect(200);
    expect(links.body).toEqual([]);
  };

  it.each([
    ['a category of an unknown discipline', unknownDiscipline],
    ['a rule set with a parameter out of range', attemptsOutOfRange],
  ])('refuses a claim answered with %s, and creates nothing', async (_case, changeAnswer) => {
    change = changeAnswer;
    const response = await link(await codeThroughAnswering()).expect(502);
    expect(response.body).toMatchObject({
      key: 'federation.republicAnswerInvalid',
      message: expect.stringContaining('categories.0.'),
    });
    await expectNothingCreated();
  });

  it.each([
    ['a category of an unknown discipline', unknownDiscipline],
    ['a rule set with a parameter out of range', attemptsOutOfRange],
  ])('refuses a link file whose stage has %s, and creates nothing', async (_case, changeStage) => {
    const file = await linkFile();
    changeStage(file.stage);
    const response = await link(JSON.stringify(file)).expect(400);
    expect(response.body).toMatchObject({
      key: 'federation.badLinkText',
      message: expect.stringContaining('categories.0.'),
    });
    await expectNothingCreated();
  });

  it('links through the same answering server when the answer is left as the republic gave it', async () => {
    change = () => undefined;
    const response = await link(await codeThroughAnswering()).expect(201);
    expect(response.body).toMatchObject({ stageId: linked.stageId, claimed: true });
    await request(venue.url)
      .get(`/api/categories/${linked.categoryId}`)
      .set(auth(venueToken))
      .expect(200);
  });
});
