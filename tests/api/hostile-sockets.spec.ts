import type {
  ClientToServerEvents,
  JoinResult,
  RoomBeacon,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';

// The limits of one live connection, as docs/design.md#limits-per-live-connection states them.
const MAX_ROOMS = 100;
const JOIN_BURST = 150;
const JOINS_PER_SECOND = 20;
const MAX_MESSAGE_BYTES = 16 * 1024;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Refusal = Extract<JoinResult, { ok: false }>;

/**
 * Hostile Socket.IO clients against the real server: malformed joins, resyncs and leaves, joins by
 * the thousand, unknown events and binary attachments, messages over the size limit, floods, and a
 * client that stops reading. Raw Engine.IO frames over `ws` where socket.io-client would refuse to
 * send the bad thing. Rooms a socket holds are read from the room beacons the server sends to each
 * room (LIVE_BEACON_MS): what the server really keeps, not what the answers say.
 */
describe('hostile Socket.IO clients', () => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stageA: StageFixture;
  let stageB: StageFixture;
  let fieldB: string;
  /** Categories of stage B, more than one socket may be in. */
  const manyCategories: string[] = [];
  const clients: Client[] = [];
  const raws: WebSocket[] = [];

  const connect = (token?: string): Promise<Client> =>
    new Promise((resolve, reject) => {
      const client: Client = io(venue.url, {
        transports: ['websocket'],
        auth: token ? { token } : {},
        reconnection: false,
      });
      clients.push(client);
      client.once('connect', () => resolve(client));
      client.once('connect_error', reject);
    });
  const ask = (client: Client, event: 'join' | 'resync', body: unknown) =>
    new Promise<JoinResult>((resolve) => client.emit(event, body as never, resolve));
  const api = (method: 'post' | 'patch', path: string, body?: object) =>
    request(venue.url)[method](path).set('Authorization', `Bearer ${organiser}`).send(body);
  const liveClients = async () =>
    (await request(venue.url).get('/api/health').expect(200)).body.live.clients as number;

  /**
   * The rooms the server holds the client in, from its beacons: `probe` is a room the client holds,
   * and between two beacons of it every other room held has had its beacon (one round sends them all).
   */
  const roomsHeld = (client: Client, probe: string): Promise<Set<string>> =>
    new Promise((resolve) => {
      let seen: Set<string> | null = null;
      const listener = (beacon: RoomBeacon) => {
        const room = `${beacon.kind}:${beacon.id}`;
        if (room === probe) {
          if (seen) {
            client.off('room:beacon', listener);
            return resolve(seen);
          }
          seen = new Set([room]);
        } else seen?.add(room);
      };
      client.on('room:beacon', listener);
    });

  beforeAll(async () => {
    venue = await startVenue({ env: { LIVE_BEACON_MS: '300' } });
    organiser = await organiserToken(venue);
    stageA = await createMazeStage(venue, organiser);
    await publishLive(venue, organiser, stageA);
    judge = await judgeToken(venue, stageA.stageCode, stageA.judge.pin);
    stageB = await createMazeStage(venue, organiser);
    fieldB = (
      await api('post', '/api/fields', {
        stageId: stageB.stageId,
        name: 'Table B',
        discipline: 'maze',
      }).expect(201)
    ).body.id;
    for (let batch = 0; batch < 11; batch++) {
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api('post', '/api/categories', {
            stageId: stageB.stageId,
            discipline: 'maze',
            ageGroup: { label: `${batch}-${i}`, minGrade: 3, maxGrade: 4 },
            name: `Maze ${batch}-${i}`,
            preset: 'maze-default',
          }).expect(201),
        ),
      );
      manyCategories.push(...created.map((response) => response.body.id as string));
    }
  });
  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
    raws.splice(0).forEach((ws) => ws.terminate());
  });
  afterAll(async () => {
    await venue.stop();
    expect(venue.output()).not.toMatch(/\bERROR\b|FATAL|UnhandledPromiseRejection|unhandled/i);
  });

  it('answers malformed joins and resyncs with the contract error, ignores malformed leaves, and joins nothing it refused', async () => {
    const viewer = await connect();
    const probe = `stage:${stageA.stageId}`;
    expect(await ask(viewer, 'join', { kind: 'stage', id: stageA.stageId })).toMatchObject({
      ok: true,
    });

    const malformed: unknown[] = [
      null,
      42,
      'stage',
      true,
      [],
      {},
      { kind: 'stage' },
      { id: stageA.stageId },
      { kind: 'stadium', id: stageA.stageId },
      { kind: 'stage', id: 123 },
      { kind: ['stage'], id: stageA.stageId },
      { kind: 'stage', id: 'x'.repeat(10_000) },
      // A Cyrillic а for the last character: replacing every Latin a left about one id in seven
      // (those without one) valid, and the test failed by chance.
      { kind: 'stage', id: `${stageA.stageId.slice(0, -1)}а` },
      { kind: 'stage', id: stageA.stageId, extra: true },
      JSON.parse(`{"__proto__":{"admin":true},"kind":"stage","id":"${stageA.stageId}"}`),
      JSON.parse(
        `{"constructor":{"prototype":{"admin":true}},"kind":"category","id":"${stageA.categoryId}"}`,
      ),
    ];
    for (const event of ['join', 'resync'] as const) {
      for (const body of malformed) {
        const answer = await ask(viewer, event, body);
        expect({ event, body, answer }).toMatchObject({
          answer: { ok: false, key: 'errors.validation', message: expect.any(String) },
        });
      }
      // Several arguments, and a binary attachment where a room should be.
      const twoArgs = await new Promise<JoinResult>((resolve) =>
        (viewer.emit as (...args: unknown[]) => void)(
          event,
          { kind: 'stage', id: stageA.stageId },
          'more',
          resolve,
        ),
      );
      expect(twoArgs).toMatchObject({ ok: false, key: 'errors.validation' });
      expect(await ask(viewer, event, Buffer.from(stageA.stageId))).toMatchObject({
        ok: false,
        key: 'errors.validation',
      });
      expect(
        await ask(viewer, event, { kind: 'stage', id: Buffer.from(stageA.stageId) }),
      ).toMatchObject({ ok: false, key: 'errors.validation' });
      // Well formed, but not for this client: a room that does not exist, rooms of another stage.
      expect(await ask(viewer, event, { kind: 'stage', id: randomUUID() })).toMatchObject({
        ok: false,
        key: 'errors.notFound',
      });
      expect(await ask(viewer, event, { kind: 'category', id: randomUUID() })).toMatchObject({
        ok: false,
        key: 'errors.notFound',
      });
      expect(await ask(viewer, event, { kind: 'stage', id: stageB.stageId })).toMatchObject({
        ok: false,
        key: 'live.notPublished',
      });
      expect(await ask(viewer, event, { kind: 'category', id: stageB.categoryId })).toMatchObject({
        ok: false,
        key: 'live.notPublished',
      });
      expect(await ask(viewer, event, { kind: 'field', id: fieldB })).toMatchObject({
        ok: false,
        key: 'errors.forbidden',
      });
    }
    const judgeOfA = await connect(judge);
    expect(await ask(judgeOfA, 'join', { kind: 'field', id: fieldB })).toMatchObject({
      ok: false,
      key: 'errors.forbidden',
    });
    expect(await ask(judgeOfA, 'join', { kind: 'category', id: stageB.categoryId })).toMatchObject({
      ok: false,
      key: 'live.notPublished',
    });

    // Leaves of anything, and a join and a resync of a room it may see but with no ack to answer:
    // nobody would get the snapshot, so they are dropped without entering the room.
    for (const body of [...malformed, { kind: 'category', id: stageB.categoryId }])
      viewer.emit('leave', body as never);
    (viewer.emit as (...args: unknown[]) => void)('join', {
      kind: 'category',
      id: stageA.categoryId,
    });
    (viewer.emit as (...args: unknown[]) => void)('resync', {
      kind: 'category',
      id: stageA.categoryId,
    });
    (viewer.emit as (...args: unknown[]) => void)('join');

    expect([...(await roomsHeld(viewer, probe))]).toEqual([probe]);
    expect(viewer.connected).toBe(true);
    expect(await ask(viewer, 'join', { kind: 'category', id: stageA.categoryId })).toMatchObject({
      ok: true,
    });
    await request(venue.url).get('/api/health').expect(200);
  });

  it(`holds one socket in at most ${MAX_ROOMS} rooms: the joins past it are refused and no room is entered`, async () => {
    const console = await connect(organiser);
    const rooms = manyCategories.slice(0, MAX_ROOMS + 5);
    const answers = await Promise.all(
      rooms.map((id) => ask(console, 'join', { kind: 'category', id })),
    );
    const joined = rooms.filter((_, i) => answers[i].ok);
    const refused = answers.filter((answer): answer is Refusal => !answer.ok);
    expect(joined).toHaveLength(MAX_ROOMS);
    expect(refused).toHaveLength(5);
    for (const answer of refused)
      expect(answer).toMatchObject({ key: 'live.tooManyRooms', message: expect.any(String) });

    const probe = `category:${joined[0]}`;
    const held = await roomsHeld(console, probe);
    expect(held).toEqual(new Set(joined.map((id) => `category:${id}`)));

    // A resync of a room it holds is no new room; leaving one makes space for another.
    expect(await ask(console, 'resync', { kind: 'category', id: joined[1] })).toMatchObject({
      ok: true,
    });
    const outside = rooms.find((id) => !joined.includes(id))!;
    console.emit('leave', { kind: 'category', id: joined[2] });
    expect(await ask(console, 'join', { kind: 'category', id: outside })).toMatchObject({
      ok: true,
    });
    const after = await roomsHeld(console, probe);
    expect(after.size).toBe(MAX_ROOMS);
    expect(after.has(`category:${outside}`)).toBe(true);
    expect(after.has(`category:${joined[2]}`)).toBe(false);
  });

  it('limits the joins of one socket per second: a burst past it is refused with tooManyRequests, the rooms stay as they were', async () => {
    const viewer = await connect();
    const room = { kind: 'category', id: stageA.categoryId };
    const probe = `category:${stageA.categoryId}`;
    // The same room again and again, and rooms that do not exist: each would build a snapshot or query.
    // Fewer than the events a socket may send at once (300), past which it is disconnected.
    const burst = Array.from({ length: 250 }, (_, i) =>
      i % 2 ? room : { kind: 'category', id: randomUUID() },
    );
    const sentAt = Date.now();
    const answers = await Promise.all(burst.map((body) => ask(viewer, 'join', body)));
    // The bucket refills while a loaded machine works through the burst: what it may have let
    // through is the burst allowance plus the steady rate over the time the answers took.
    const refilled = Math.ceil(((Date.now() - sentAt) / 1000) * JOINS_PER_SECOND);
    const limited = answers.filter(
      (answer) => !answer.ok && answer.key === 'errors.tooManyRequests',
    );
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.length).toBeGreaterThanOrEqual(burst.length - JOIN_BURST - refilled);
    // Joins still being answered count against the 100 rooms, so a burst may also meet that limit.
    for (const answer of answers) {
      if (!answer.ok)
        expect(['errors.tooManyRequests', 'errors.notFound', 'live.tooManyRooms']).toContain(
          answer.key,
        );
    }
    expect(viewer.connected).toBe(true);
    expect([...(await roomsHeld(viewer, probe))]).toEqual([probe]);
  });

  it('disconnects one socket that sends 10,000 joins or unknown events at once; the server and the other viewers go on', async () => {
    const other = await connect();
    expect(await ask(other, 'join', { kind: 'category', id: stageA.categoryId })).toMatchObject({
      ok: true,
    });

    for (const flood of [
      (client: Client) => {
        for (let i = 0; i < 10_000; i++)
          client.emit('join', { kind: 'category', id: stageA.categoryId }, () => undefined);
      },
      (client: Client) => {
        for (let i = 0; i < 10_000; i++)
          client.emit('join', { kind: 'category', id: randomUUID() }, () => undefined);
      },
      (client: Client) => {
        for (let i = 0; i < 10_000; i++)
          (client.emit as (...args: unknown[]) => void)(`nope-${i % 7}`, { i }, Buffer.alloc(64));
      },
    ]) {
      const flooder = await connect();
      const disconnected = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
      flood(flooder);
      // Sent after the flood: answered only if the flood was.
      const after = ask(flooder, 'join', { kind: 'stage', id: stageA.stageId }).then(
        () => 'answered',
      );
      expect(await Promise.race([disconnected, after])).toBe('io server disconnect');
    }
    expect(other.connected).toBe(true);
    expect(await ask(other, 'resync', { kind: 'category', id: stageA.categoryId })).toMatchObject({
      ok: true,
    });
  });

  it(`closes a connection whose message is over ${MAX_MESSAGE_BYTES} bytes, on WebSocket and on long-polling`, async () => {
    const big = `42${JSON.stringify(['join', { kind: 'stage', id: 'x'.repeat(MAX_MESSAGE_BYTES) }])}`;
    const raw = await rawSocket(venue);
    const closed = raw.closed();
    raw.ws.send(`421${big.slice(2)}`);
    const answered = raw.next((frame) => frame.startsWith('431')).then(() => 'answered');
    expect(await Promise.race([closed.then((code) => `closed ${code}`), answered])).toBe(
      'closed 1009',
    );

    const handshake = await request(venue.url)
      .get('/socket.io/?EIO=4&transport=polling')
      .expect(200);
    const sid = JSON.parse(handshake.text.slice(1)).sid as string;
    await request(venue.url)
      .post(`/socket.io/?EIO=4&transport=polling&sid=${sid}`)
      .set('Content-Type', 'text/plain')
      .send('40')
      .expect(200);
    await request(venue.url)
      .post(`/socket.io/?EIO=4&transport=polling&sid=${sid}`)
      .set('Content-Type', 'text/plain')
      .send(big)
      .expect(413);
    await request(venue.url).get('/api/health').expect(200);
  });

  it('survives raw frames the client library would never send', async () => {
    const frames: (string | Buffer)[] = [
      '42[not json',
      '42{"join":1}',
      '42["join"',
      '421["join",{"kind":"stage","id":"' + stageA.stageId + '"}', // truncated
      '451-["join",{"_placeholder":true,"num":9}]',
      '451-["join",{"_placeholder":true,"num":"__proto__"}]',
      '45999999999999999999-["join",{}]',
      '4' + '9'.repeat(100),
      '43999[{"ok":true}]', // an ack for nothing
      '41', // disconnect a namespace it never said
      '40/admin,',
      '2', // a ping to the server: not the server's direction
      '\u0000',
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
    ];
    for (const frame of frames) {
      const raw = await rawSocket(venue);
      raw.ws.send(frame);
      // Whether it closes or answers, the server keeps serving everyone.
      await request(venue.url).get('/api/health').expect(200);
      raw.ws.terminate();
    }
    // A binary attachment announced and then sent for a join: a Buffer is no room.
    const raw = await rawSocket(venue);
    raw.ws.send('451-1["join",{"_placeholder":true,"num":0}]');
    raw.ws.send(Buffer.from(stageA.stageId));
    expect(
      JSON.parse((await raw.next((frame) => frame.startsWith('431'))).slice(3))[0],
    ).toMatchObject({ ok: false, key: 'errors.validation' });
    await request(venue.url).get('/api/health').expect(200);
  });

  it('drops a client that stops reading while its room keeps sending, and the other viewers get every message', async () => {
    // A category whose staff snapshot is large: 200 teams with long names.
    const category = (
      await api('post', '/api/categories', {
        stageId: stageB.stageId,
        discipline: 'maze',
        ageGroup: { label: 'big', minGrade: 3, maxGrade: 4 },
        name: 'Maze big',
        preset: 'maze-default',
      }).expect(201)
    ).body.id as string;
    const school = (
      await api('post', '/api/schools', {
        name: 'Мектеп '.repeat(25).trim(),
        regionCode: 'aktobe',
      }).expect(201)
    ).body.id;
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api('post', '/api/teams', {
            stageId: stageB.stageId,
            schoolId: school,
            categoryId: category,
            name: `${batch}-${i} ${'Қыран '.repeat(30)}`.slice(0, 200),
            members: [{ name: 'Әлихан', grade: 4 }],
          }).expect(201),
        ),
      );
    }

    const viewer = await connect(organiser);
    expect(await ask(viewer, 'join', { kind: 'category', id: category })).toMatchObject({
      ok: true,
    });
    let snapshots = 0;
    let snapshotBytes = 0;
    viewer.on('standings:snapshot', (snapshot) => {
      snapshots += 1;
      snapshotBytes = Math.max(snapshotBytes, Buffer.byteLength(JSON.stringify(snapshot)));
    });
    const before = await liveClients();

    const raw = await rawSocket(venue, organiser);
    raw.ws.send(`420${JSON.stringify(['join', { kind: 'category', id: category }])}`);
    expect(
      JSON.parse((await raw.next((frame) => frame.startsWith('430'))).slice(3))[0],
    ).toMatchObject({ ok: true });
    expect(await liveClients()).toBe(before + 1);
    // It stops reading, and answers the server's pings blind so the heartbeat never ends it.
    raw.ws.pause();
    const blindPongs = setInterval(() => raw.ws.send('3'), 1000);
    try {
      let changes = 0;
      // Each publish or withdrawal sends the staff room the whole snapshot (about 100 KB here):
      // until the server has dropped the client, or 400 of them (about 64 MB) went its way.
      while (changes < 400) {
        await api(
          'post',
          `/api/categories/${category}/${changes % 2 === 0 ? 'publish' : 'unpublish'}`,
        ).expect(200);
        changes += 1;
        if ((await liveClients()) === before) break;
      }
      expect(await liveClients()).toBe(before);
      // The viewer beside it heard every change.
      await new Promise<void>((resolve) => {
        const check = () =>
          snapshots >= changes
            ? resolve()
            : viewer.once('standings:snapshot', () => setImmediate(check));
        check();
      });
      expect(snapshots).toBe(changes);
      console.log(
        `hostile-sockets: the client that stopped reading was dropped after ${changes} snapshots of up to ${Math.round(snapshotBytes / 1024)} KB`,
      );
      expect(venue.output()).toMatch(/Live client \S+ dropped: \d+ bytes wait to be sent/);
    } finally {
      clearInterval(blindPongs);
    }
  });

  /** An Engine.IO v4 WebSocket with Socket.IO's namespace joined, frame by frame. */
  async function rawSocket(target: Venue, token?: string) {
    const ws = new WebSocket(`ws://127.0.0.1:${target.port}/socket.io/?EIO=4&transport=websocket`);
    raws.push(ws);
    const frames: string[] = [];
    const waiting: { match: (frame: string) => boolean; resolve: (frame: string) => void }[] = [];
    ws.on('message', (data) => {
      const frame = data.toString();
      if (frame === '2') return void ws.send('3');
      const found = waiting.findIndex((w) => w.match(frame));
      if (found >= 0) waiting.splice(found, 1)[0].resolve(frame);
      else frames.push(frame);
    });
    ws.on('error', () => undefined);
    const next = (match: (frame: string) => boolean) =>
      new Promise<string>((resolve) => {
        const found = frames.findIndex(match);
        if (found >= 0) return resolve(frames.splice(found, 1)[0]);
        waiting.push({ match, resolve });
      });
    const closed = () =>
      new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await next((frame) => frame.startsWith('0{'));
    ws.send(token ? `40${JSON.stringify({ token })}` : '40');
    await next((frame) => frame.startsWith('40'));
    return { ws, next, closed };
  }
});
