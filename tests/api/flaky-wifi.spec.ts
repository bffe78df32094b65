import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { StandingsSnapshot } from '@olympiad/contracts';
import request from 'supertest';
import type { ClientsConfig, ClientsStatus } from '../support/flaky-wifi-clients';
import { createNetnsLink, netnsRequired, netnsUnavailable, type NetnsLink } from '../support/netns';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken, publishLive } from '../support/venue-api';

/**
 * Flaky Wi-Fi (docs/testing.md): three judge tablets and a hall screen in a network namespace,
 * the venue server in the root namespace, one veth link between them (a TUN pair and a userspace
 * wire on a kernel without netem: tests/support/netns.ts). The link gets 20 % loss and 500 ms
 * delay on both ends, then goes down for two minutes (the router switched off), then comes back.
 * The tablets keep scoring throughout with the judge app's Outbox; the hall screen is the
 * leaderboard's LiveStandingsClient. Nothing may arrive twice, nothing may be lost, and the
 * screen must reach the server's standings by itself.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const TABLETS = 3;
const TEAMS_PER_TABLET = 20;
const ATTEMPTS = 3; // maze-default
const PACE_MS = 3_000;
const CLEAN_MS = 10_000;
const DEGRADED_MS = 40_000;
const OUTAGE_MS = 120_000;
const SCORING_AFTER_MS = 10_000;
/** How long the clients get to drain their outboxes and resync once the link is back. */
const SETTLE_LIMIT_MS = 60_000;

const unavailable = netnsUnavailable();

describe('flaky Wi-Fi between tablets, a hall screen and the venue (network namespaces)', () => {
  if (unavailable && !netnsRequired) {
    it.todo(
      `runs as root with iproute2 (here: ${unavailable}); TEST_NETNS_REQUIRED=1 or CI makes it fail instead`,
    );
    return;
  }

  let link: NetnsLink | null = null;
  let venue: Venue | null = null;
  let clients: ChildProcessWithoutNullStreams | null = null;
  let clientsOutput = '';
  const bundle = path.join(ROOT, 'dist', 'tests', `flaky-wifi-clients-${process.pid}.cjs`);
  const timeline: string[] = [];
  const started = Date.now();
  const statusWaiters: Array<(status: ClientsStatus) => void> = [];

  const status = (): Promise<ClientsStatus> =>
    new Promise((resolve, reject) => {
      if (!clients || clients.exitCode !== null)
        return reject(new Error(`The clients exited:\n${clientsOutput}`));
      statusWaiters.push(resolve);
      clients.stdin.write('status\n');
    });

  const note = (phase: string, current: ClientsStatus) => {
    const sum = (pick: (tablet: ClientsStatus['tablets'][number]) => number) =>
      current.tablets.reduce((total, tablet) => total + pick(tablet), 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    timeline.push(
      `${seconds} s  ${phase.padEnd(34)} entries made ${sum((t) => t.created.length)}, acknowledged ${sum((t) => t.acknowledged)}, ` +
        `waiting ${sum((t) => t.pending)}, held ${sum((t) => t.held)}, POSTs ${sum((t) => t.posts)}; ` +
        `hall ${current.hall.link} v${current.hall.standings?.version ?? '-'} (connects ${current.hall.connects})`,
    );
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    if (unavailable)
      throw new Error(`The flaky Wi-Fi test needs network namespaces: ${unavailable}`);
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    const built = spawnSync(
      'npx',
      ['rolldown', '-c', 'tests/support/flaky-wifi-clients.rolldown.mjs'],
      {
        cwd: ROOT,
        env: { ...process.env, FLAKY_WIFI_BUNDLE: bundle },
        encoding: 'utf8',
      },
    );
    if (built.status !== 0)
      throw new Error(`Bundling the clients failed:\n${built.stdout}${built.stderr}`);
    link = await createNetnsLink();
  });

  afterAll(async () => {
    clients?.stdin.write('exit\n');
    if (clients && clients.exitCode === null) {
      const child = clients;
      const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await new Promise((resolve) => child.once('exit', resolve));
      clearTimeout(kill);
    }
    await venue?.stop();
    link?.remove();
    fs.rmSync(bundle, { force: true });
    if (timeline.length) console.log(`Flaky Wi-Fi timeline:\n${timeline.join('\n')}`);
  });

  it('delivers every entry exactly once and brings the hall screen to the server’s standings without a reload', async () => {
    const net = link!;
    const running = await startVenue({ env: { HOST: net.rootAddress, MDNS: 'off' } });
    const url = `http://${net.rootAddress}:${running.port}`;
    venue = { ...running, url };
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: TABLETS * TEAMS_PER_TABLET });
    await publishLive(venue, organiser, stage);
    const judges = [stage.judge];
    for (let i = 1; i < TABLETS; i++) {
      const judge = (
        await request(url)
          .post('/api/judges')
          .set('Authorization', `Bearer ${organiser}`)
          .send({
            stageId: stage.stageId,
            name: `Судья ${i + 1}`,
            role: 'judge',
            categoryIds: [stage.categoryId],
          })
          .expect(201)
      ).body;
      judges.push({ id: judge.id, pin: judge.pin });
    }
    const config: ClientsConfig = {
      url,
      stageId: stage.stageId,
      categoryId: stage.categoryId,
      paceMs: PACE_MS,
      attempts: ATTEMPTS,
      tablets: await Promise.all(
        judges.map(async (judge, index) => ({
          name: `tablet ${index + 1}`,
          judgeId: judge.id,
          token: await judgeToken(venue!, stage.stageCode, judge.pin),
          teamIds: stage.teamIds.slice(index * TEAMS_PER_TABLET, (index + 1) * TEAMS_PER_TABLET),
        })),
      ),
    };

    const command = net.exec([process.execPath, bundle]);
    const child = spawn(command.command, command.args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', FLAKY_WIFI_CONFIG: JSON.stringify(config) },
    });
    clients = child;
    child.stderr.on('data', (chunk: Buffer) => (clientsOutput += chunk.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`The clients exited with code ${code}:\n${clientsOutput}`)),
      );
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as { kind: string };
        if (message.kind === 'started') resolve();
        if (message.kind === 'status') statusWaiters.shift()?.(message as ClientsStatus);
      });
    });
    await ready;

    note('clean link', await status());
    await sleep(CLEAN_MS);
    net.degrade({ lossPercent: 20, delayMs: 500 });
    note(`20 % loss, 500 ms delay (${net.kind})`, await status());
    await sleep(DEGRADED_MS);
    const beforeOutage = await status();
    note('link down (router off)', beforeOutage);
    net.setUp(false);
    await sleep(OUTAGE_MS);
    net.setUp(true);
    net.clear();
    const linkBack = Date.now();
    note('link up again, clean', await status());
    await sleep(SCORING_AFTER_MS);
    child.stdin.write('stop\n');
    note('tablets stop making entries', await status());

    // The clients settle by themselves; the test only watches until they have or the limit passes.
    const auth = { Authorization: `Bearer ${organiser}` };
    const serverStandings = async () =>
      (await request(url).get(`/api/public/categories/${stage.categoryId}/standings`).expect(200))
        .body as StandingsSnapshot;
    let last = await status();
    let server = await serverStandings();
    const settled = (current: ClientsStatus, standings: StandingsSnapshot) =>
      current.tablets.every((tablet) => tablet.pending === 0 && tablet.held === 0) &&
      current.hall.standings?.version === standings.version;
    while (!settled(last, server) && Date.now() - linkBack < SCORING_AFTER_MS + SETTLE_LIMIT_MS) {
      await sleep(1_000);
      last = await status();
      server = await serverStandings();
    }
    note('settled (or gave up waiting)', last);

    const created = last.tablets.flatMap((tablet) => tablet.created);
    const ledger = (
      await request(url).get(`/api/categories/${stage.categoryId}/ledger`).set(auth).expect(200)
    ).body as Array<{ id: string }>;
    const ledgerIds = ledger.map((entry) => entry.id);
    const posts = last.tablets.reduce((total, tablet) => total + tablet.posts, 0);
    const converged = last.hall.changes.find(
      (change) => change.at >= linkBack && change.version === server.version,
    );
    const reconnected = last.hall.changes.find((change) => change.at >= linkBack);
    timeline.push(
      `entries ${created.length}, in the ledger ${ledgerIds.length}, POSTs ${posts} (resends ${posts - created.length}), ` +
        `outcomes ${JSON.stringify(last.tablets.map((tablet) => tablet.outcomes))}; ` +
        `hall: first update ${reconnected ? ((reconnected.at - linkBack) / 1000).toFixed(1) : '-'} s after the link came back, ` +
        `final version ${server.version} reached ${converged ? ((converged.at - linkBack) / 1000).toFixed(1) : '-'} s after it, ` +
        `${last.hall.disconnects} disconnects, ${last.hall.connects} connects`,
    );

    // The outage was felt: entries waited, and the screen lost its connection.
    expect(beforeOutage.tablets.every((tablet) => tablet.created.length > 0)).toBe(true);
    expect(last.hall.disconnects).toBeGreaterThan(0);
    // Every entry exactly once.
    expect(new Set(created).size).toBe(created.length);
    expect(ledgerIds.length - new Set(ledgerIds).size).toBe(0);
    expect(created.filter((id) => !ledgerIds.includes(id))).toEqual([]);
    expect(ledgerIds.filter((id) => !created.includes(id))).toEqual([]);
    expect(last.tablets.map((tablet) => [tablet.pending, tablet.held])).toEqual(
      last.tablets.map(() => [0, 0]),
    );
    // The same hall screen, never restarted, shows what the server shows.
    expect(last.hall.instances).toBe(1);
    expect(last.hall.view).toBe('live');
    expect(last.hall.standings?.version).toBe(server.version);
    expect(last.hall.standings?.standings.rows).toEqual(server.standings.rows);
    // No server error on either side.
    expect(
      last.tablets.flatMap((tablet) =>
        Object.keys(tablet.outcomes).filter((outcome) => outcome.startsWith('5')),
      ),
    ).toEqual([]);
    expect(venue.output()).not.toMatch(/ERROR \[(ApiError|ExceptionsHandler)\]/);
  }, 300_000);
});
