import type { JoinResult, StaffAccount } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { onEachDatabase } from '../support/audit-record';
import { databaseFingerprint, type DatabaseFingerprint } from '../support/database-fingerprint';
import { addFieldAndHeldEntry } from '../support/field-and-held-entry';
import { type ApiOperation, openApiOperations } from '../support/openapi-operations';
import { type JsonSchema, seededRandom, toJson, validValue } from '../support/schema-bodies';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * What a coordinator and an observer reach (docs/security.md#staff-accounts), tried on every route
 * of the OpenAPI document the server serves, so a route added later is tried too. Two stages, A
 * and B, each with a category, teams, judges, a field and a held entry; a coordinator granted A
 * only. Every route is called with B's ids (path, body, `stageId` query): the coordinator is
 * refused (403), or, for the few reads that name no stage, sees none of B's rows; every write as
 * an observer is refused; and nothing in the database changes.
 */

/**
 * Reads a coordinator may make that name no stage; the server narrows the lists among them to the
 * granted stages, which the test checks by looking for B's ids in the answer. Everything else that
 * names no stage (olympiads, schools, displays, federation, staff, signing keys …) is the admin's.
 */
const COORDINATOR_READS_WITHOUT_STAGE = new Set([
  'GET /api/me',
  'GET /api/stages',
  'GET /api/audit',
  'GET /api/audit.csv',
  'GET /api/olympiads',
  'GET /api/olympiads/{id}',
  'GET /api/regions',
  'GET /api/schools',
  'GET /api/rule-presets',
]);

/** The caller's own account, observers' too; their effects are tried in staff-accounts.spec.ts. */
const OWN_ACCOUNT = new Set(['POST /api/auth/password', 'POST /api/auth/sign-out-everywhere']);

interface Objects extends StageFixture {
  fieldId: string;
  heldId: string;
}

onEachDatabase(
  'what a coordinator and an observer reach, on every route, on %s',
  (_db, venueEnv) => {
    let venue: Venue;
    let admin: string;
    let a: Objects;
    let b: Objects;
    let coordinator: string;
    /** A coordinator granted only stage C, whose rows the every-route tries may change. */
    let c: Objects;
    let coordinatorC: string;
    let observer: string;
    let observerAccount: StaffAccount;
    let operations: ApiOperation[];
    let schemas: Record<string, JsonSchema>;
    let db: DatabaseFingerprint;
    const random = seededRandom(20);

    const as = (token: string) => ({ Authorization: `Bearer ${token}` });

    const withMoreObjects = async (stage: StageFixture): Promise<Objects> => ({
      ...stage,
      ...(await addFieldAndHeldEntry(
        venue,
        admin,
        await judgeToken(venue, stage.stageCode, stage.judge.pin),
        stage,
      )),
    });

    const staffToken = async (username: string, staffRole: string, stageIds: string[]) => {
      const account = (
        await request(venue.url)
          .post('/api/staff')
          .set(as(admin))
          .send({
            username,
            displayName: username,
            password: 'a-long-password-1',
            staffRole,
            stageIds,
          })
          .expect(201)
      ).body as StaffAccount;
      const token = (
        await request(venue.url)
          .post('/api/auth/organiser')
          .send({ username, password: 'a-long-password-1' })
          .expect(200)
      ).body.token as string;
      return { account, token };
    };

    /** Every id of B's rows: none may show in an answer to the coordinator. */
    const idsOf = (o: Objects) => [
      o.stageId,
      o.categoryId,
      ...o.teamIds,
      o.judge.id,
      o.headJudge.id,
      o.fieldId,
      o.heldId,
    ];
    const idsOfB = () => idsOf(b);

    /** A stage's row for a path parameter, named after the segment before it. */
    const paramOf = (o: Objects, operation: ApiOperation, name: string): string => {
      if (name === 'stageId') return o.stageId;
      if (name === 'fieldId') return o.fieldId;
      if (name === 'code') return o.stageCode;
      const before = operation.path.split(`{${name}}`)[0].split('/').filter(Boolean).pop() ?? '';
      const byResource: Record<string, string> = {
        olympiads: o.olympiadId,
        stages: o.stageId,
        categories: o.categoryId,
        teams: o.teamIds[0],
        judges: o.judge.id,
        fields: o.fieldId,
        'held-entries': o.heldId,
        staff: observerAccount.id,
      };
      return byResource[before] ?? randomUUID();
    };

    const pathOf = (o: Objects, operation: ApiOperation) =>
      operation.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        encodeURIComponent(paramOf(o, operation, name)),
      );
    const pathOfB = (operation: ApiOperation) => pathOf(b, operation);

    const queryOfB = (operation: ApiOperation) => {
      const named: Record<string, string> = {
        stageId: b.stageId,
        categoryId: b.categoryId,
        olympiadId: b.olympiadId,
        objectId: b.teamIds[0],
      };
      const query = new URLSearchParams();
      for (const name of operation.query) if (named[name]) query.set(name, named[name]);
      const text = query.toString();
      return text ? `?${text}` : '';
    };

    const bodyOf = (o: Objects, operation: ApiOperation): string | undefined => {
      if (!operation.body || operation.contentType !== 'application/json') return undefined;
      return toJson(
        validValue(operation.body, {
          random,
          ids: idsOf(o),
          named: {
            stageId: o.stageId,
            targetStageId: o.stageId,
            categoryId: o.categoryId,
            teamId: o.teamIds[1],
            olympiadId: o.olympiadId,
            fieldId: o.fieldId,
            judgeId: o.judge.id,
          },
          resolve: (ref) => schemas[ref.replace('#/components/schemas/', '')],
        }),
      );
    };

    const bodyOfB = (operation: ApiOperation) => bodyOf(b, operation);

    const call = (method: string, target: string, token: string | null, body?: string) => {
      let req = request(venue.url)[method.toLowerCase() as 'get'](target);
      if (token) req = req.set(as(token));
      if (body !== undefined) req = req.set('Content-Type', 'application/json').send(body);
      return req;
    };

    /** Calls the route and reports whether any table changed. */
    const tried = async (
      operation: ApiOperation,
      token: string | null,
      target: string,
      body = bodyOfB(operation),
    ) => {
      const before = await db.tables();
      const answer = await call(operation.method, target, token, body);
      const after = await db.tables();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      // A file (PDF, spreadsheet) comes back as bytes: its text is searched as Latin-1.
      const text =
        typeof answer.text === 'string'
          ? answer.text
          : Buffer.isBuffer(answer.body)
            ? answer.body.toString('latin1')
            : JSON.stringify(answer.body);
      return { status: answer.status, text, changed };
    };

    /** A route anyone may call without a token is no one's reach: the public sees the same. */
    const isPublic = async (operation: ApiOperation) => {
      if (
        operation.method !== 'GET' &&
        /^\/api\/(auth\/(organiser|judge)|setup)$/.test(operation.path)
      )
        return true;
      if (operation.method !== 'GET') {
        const answer = await call(operation.method, pathOfB(operation), null, '{}');
        return answer.status !== 401;
      }
      return (await call('GET', pathOfB(operation), null)).status !== 401;
    };

    beforeAll(async () => {
      venue = await startVenue({ env: await venueEnv() });
      admin = await organiserToken(venue);
      a = await withMoreObjects(await createMazeStage(venue, admin, { teams: 2 }));
      b = await withMoreObjects(await createMazeStage(venue, admin, { teams: 2 }));
      c = await withMoreObjects(await createMazeStage(venue, admin, { teams: 2 }));
      coordinator = (await staffToken('coordinator-a', 'coordinator', [a.stageId])).token;
      coordinatorC = (await staffToken('coordinator-c', 'coordinator', [c.stageId])).token;
      const seen = await staffToken('ministry', 'observer', []);
      observer = seen.token;
      observerAccount = seen.account;

      ({ operations, schemas } = await openApiOperations(venue));
      db = await databaseFingerprint(venue, (await venueEnv()).DATABASE_URL);
    }, 90_000);

    const sockets: Socket[] = [];
    const connect = (token: string): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = io(venue.url, {
          transports: ['websocket'],
          auth: { token },
          reconnection: false,
        });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const joinCategory = (socket: Socket, id: string) =>
      new Promise<JoinResult>((resolve) => socket.emit('join', { kind: 'category', id }, resolve));

    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await db?.close();
      await venue?.stop();
    });

    it('reaches stage A as a coordinator, and lists only it', async () => {
      expect(operations.length).toBeGreaterThan(90);
      const stages = (await call('GET', '/api/stages', coordinator).expect(200)).body as {
        id: string;
      }[];
      expect(stages.map((stage) => stage.id)).toEqual([a.stageId]);
      await call('GET', `/api/stages/${a.stageId}/teams`, coordinator).expect(200);
      await call('GET', `/api/categories/${a.categoryId}/standings`, coordinator).expect(200);
      await call('POST', `/api/categories/${a.categoryId}/lock`, coordinator).expect(200);
      await call('POST', `/api/categories/${a.categoryId}/unlock`, coordinator).expect(200);
      const audit = await call('GET', '/api/audit', coordinator).expect(200);
      expect(audit.text).toContain(a.stageId);
    });

    it("refuses the coordinator every route called with stage B's objects, and changes nothing", async () => {
      const failures: string[] = [];
      const checked: string[] = [];
      for (const operation of operations) {
        const route = `${operation.method} ${operation.path}`;
        if (OWN_ACCOUNT.has(route) || (await isPublic(operation))) continue;
        const targets = [pathOfB(operation) + queryOfB(operation)];
        if (operation.method === 'GET' && queryOfB(operation)) targets.push(pathOfB(operation));
        for (const target of targets) {
          const answer = await tried(operation, coordinator, target);
          checked.push(route);
          const label = `${operation.method} ${target} → ${answer.status}`;
          if (answer.changed.length > 0)
            failures.push(`${label}: changed ${answer.changed.join(', ')}`);
          if (answer.status === 403) continue;
          const listed = COORDINATOR_READS_WITHOUT_STAGE.has(route) && operation.method === 'GET';
          if (!listed || answer.status >= 300) {
            failures.push(`${label}: expected 403 ${answer.text.slice(0, 160)}`);
            continue;
          }
          const shown = idsOfB().filter((id) => answer.text.includes(id));
          if (shown.length > 0) failures.push(`${label}: shows B's rows ${shown.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
      expect(new Set(checked).size).toBeGreaterThan(70);
    }, 180_000);

    it('refuses the coordinator every admin route however a granted stage is named alongside', async () => {
      // A `stageId` query counts only where the route's contract declares one; a route refused
      // with the granted stage's ids stays refused when `?stageId=<granted>` is added.
      const failures: string[] = [];
      let refused = 0;
      for (const operation of operations) {
        const route = `${operation.method} ${operation.path}`;
        if (OWN_ACCOUNT.has(route) || (await isPublic(operation))) continue;
        if (operation.query.includes('stageId')) continue;
        const path = pathOf(c, operation);
        const body = bodyOf(c, operation);
        const plain = await call(operation.method, path, coordinatorC, body);
        if (plain.status !== 403) continue;
        refused++;
        const join = path.includes('?') ? '&' : '?';
        const target = `${path}${join}stageId=${encodeURIComponent(c.stageId)}`;
        const answer = await tried(operation, coordinatorC, target, body);
        const label = `${operation.method} ${target} → ${answer.status}`;
        if (answer.status !== 403)
          failures.push(`${label}: expected 403 ${answer.text.slice(0, 160)}`);
        if (answer.changed.length > 0)
          failures.push(`${label}: changed ${answer.changed.join(', ')}`);
      }
      expect(failures).toEqual([]);
      expect(refused).toBeGreaterThan(20);
    }, 180_000);

    it("refuses the coordinator a qualification from stage A into stage B's", async () => {
      const target = `/api/stages/${a.stageId}/qualification/enter`;
      const operation = operations.find(
        (op) => op.method === 'POST' && op.path === '/api/stages/{stageId}/qualification/enter',
      );
      expect(operation).toBeDefined();
      const answer = await tried(
        operation as ApiOperation,
        coordinator,
        target,
        JSON.stringify({ targetStageId: b.stageId, wildcards: [] }),
      );
      expect(answer.status).toBe(403);
      expect(answer.changed).toEqual([]);
    });

    it('refuses the observer every write, and changes nothing', async () => {
      const failures: string[] = [];
      let writes = 0;
      for (const operation of operations) {
        const route = `${operation.method} ${operation.path}`;
        if (operation.method === 'GET' || OWN_ACCOUNT.has(route) || (await isPublic(operation)))
          continue;
        writes++;
        const answer = await tried(operation, observer, pathOfB(operation));
        const label = `${route} → ${answer.status}`;
        if (answer.status !== 403)
          failures.push(`${label}: expected 403 ${answer.text.slice(0, 160)}`);
        if (answer.changed.length > 0)
          failures.push(`${label}: changed ${answer.changed.join(', ')}`);
      }
      expect(failures).toEqual([]);
      expect(writes).toBeGreaterThan(40);
    }, 180_000);

    it('lets the observer read without writing: a read that would write is refused too', async () => {
      const failures: string[] = [];
      for (const operation of operations) {
        if (operation.method !== 'GET' || (await isPublic(operation))) continue;
        const answer = await tried(operation, observer, pathOfB(operation) + queryOfB(operation));
        if (answer.changed.length > 0 && answer.status < 400)
          failures.push(
            `${operation.path} → ${answer.status}: changed ${answer.changed.join(', ')}`,
          );
        if (answer.changed.length > 0 && answer.status >= 400)
          failures.push(`${operation.path} → refused, yet changed ${answer.changed.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });

    it('lets the observer read what an admin reads', async () => {
      const stages = (await call('GET', '/api/stages', observer).expect(200)).body as {
        id: string;
      }[];
      expect(stages.map((stage) => stage.id).sort()).toEqual(
        [a.stageId, b.stageId, c.stageId].sort(),
      );
      await call('GET', `/api/categories/${b.categoryId}/standings`, observer).expect(200);
      await call('GET', '/api/staff', observer).expect(403);
    });

    it("joins a coordinator to B's live rooms as the public only (B is a draft: refused)", async () => {
      const socket = await connect(coordinator);
      expect(await joinCategory(socket, a.categoryId)).toMatchObject({ ok: true });
      expect(await joinCategory(socket, b.categoryId)).toMatchObject({
        ok: false,
        key: 'live.notPublished',
      });
      expect(await joinCategory(await connect(admin), b.categoryId)).toMatchObject({ ok: true });
    });

    it("ends a coordinator's live sockets when its reach shrinks, so no staff room keeps feeding it", async () => {
      /** Resolves 'ended' if the server dropped the socket before answering a later message. */
      const stillOpen = async (socket: Socket) =>
        !socket.connected
          ? 'ended'
          : new Promise<'ended' | 'open'>((resolve) => {
              socket.once('disconnect', () => resolve('ended'));
              socket.emit('join', { kind: 'category', id: a.categoryId }, () => resolve('open'));
            });
      const changes: [string, (id: string, token: string) => Promise<unknown>][] = [
        ['deactivated', (id) => call('PATCH', `/api/staff/${id}`, admin, '{"active":false}')],
        [
          'ungranted',
          (id) => call('PATCH', `/api/staff/${id}`, admin, JSON.stringify({ stageIds: [] })),
        ],
        [
          'password set',
          (id) =>
            call('POST', `/api/staff/${id}/password`, admin, '{"password":"another-password-2"}'),
        ],
        [
          'signed out everywhere',
          (_id, token) => call('POST', '/api/auth/sign-out-everywhere', token),
        ],
      ];
      const results: Record<string, string> = {};
      for (const [index, [change, make]] of changes.entries()) {
        const staff = await staffToken(`reach-shrinks-${index}`, 'coordinator', [a.stageId]);
        const socket = await connect(staff.token);
        expect(await joinCategory(socket, a.categoryId)).toMatchObject({ ok: true });
        const answer = (await make(staff.account.id, staff.token)) as { status: number };
        expect(answer.status).toBeLessThan(300);
        results[change] = await stillOpen(socket);
      }
      expect(results).toEqual({
        deactivated: 'ended',
        ungranted: 'ended',
        'password set': 'ended',
        'signed out everywhere': 'ended',
      });
    });

    it('refuses an observer arming a run over the socket', async () => {
      const arm = (socket: Socket) =>
        new Promise<{ ok: boolean; key?: string }>((resolve) =>
          socket.emit(
            'run:arm',
            { fieldId: a.fieldId, categoryId: a.categoryId, teamId: a.teamIds[1], attempt: 1 },
            resolve,
          ),
        );
      expect(await arm(await connect(observer))).toMatchObject({
        ok: false,
        key: 'errors.forbidden',
      });
      expect(await arm(await connect(admin))).toMatchObject({ ok: true });
    });
  },
);
