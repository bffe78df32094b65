import { apiErrorBodySchema } from '@olympiad/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import {
  type BodyContext,
  fieldPaths,
  type JsonSchema,
  pick,
  randomUuid,
  seededRandom,
  toJson,
  validValue,
  withField,
  wrongValues,
} from '../support/schema-bodies';
import { databaseFingerprint, type DatabaseFingerprint } from '../support/database-fingerprint';
import { addFieldAndHeldEntry } from '../support/field-and-held-entry';
import { type ApiOperation, openApiOperations } from '../support/openapi-operations';
import { describeOnEachDatabase, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * Every route of the OpenAPI document the server serves, tried with bodies made from its schema
 * (one that fits, each field wrong in turn, extra and prototype keys) and with generic hostile
 * input (JSON 10,000 deep, 10 MB, wrong content types, invalid UTF-8, paths and queries that are
 * not what they name), under every role's token. What must hold: no 5xx, the server stays up, a
 * refused request changes nothing in the database, and every refusal has the contract's error body.
 * docs/reliability.md#hostile-input has the figures of a run; HOSTILE_SEED=<n> replays one.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface Operation extends ApiOperation {
  /** Counted under this name instead of its method and path (the doors the document does not list). */
  label?: string;
}

/** Uploads a registration import could receive: a file that is not what its name says, or is hostile as a table. */
function multipartFiles(): [string, Buffer, string][] {
  const boundary = 'hostile-boundary';
  const file = (name: string, type: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{"admin":true}\r\n--${boundary}--\r\n`,
      ),
    ]);
  const type = `multipart/form-data; boundary=${boundary}`;
  const wideCsv = Buffer.from(
    `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';')}\n${'=cmd|"/c calc"!A1;'.repeat(100)}\n`,
  );
  const badUtf8Csv = Buffer.concat([
    Buffer.from('name;school\n'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from(';x\n'),
  ]);
  return [
    [
      'upload: random bytes named .xlsx',
      file(
        'teams.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        randomBytes(32 * 1024),
      ),
      type,
    ],
    [
      'upload: a CSV 10,000 columns wide with formulas',
      file('teams.csv', 'text/csv', wideCsv),
      type,
    ],
    ['upload: a CSV with invalid UTF-8', file('teams.csv', 'text/csv', badUtf8Csv), type],
    ['upload: an empty file', file('', 'text/csv', Buffer.alloc(0)), type],
  ];
}

interface Answer {
  status: number;
  text: string;
  contentType: string;
}

type Role = 'organiser' | 'head-judge' | 'judge' | 'public' | 'forged' | 'unsigned' | 'oversized';
const ROLES: Role[] = [
  'organiser',
  'head-judge',
  'judge',
  'public',
  'forged',
  'unsigned',
  'oversized',
];

/** SQLite always; PostgreSQL too under `npm test` (its text rules differ: a NUL character, for one). */
const onEachDatabase = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

onEachDatabase(`hostile HTTP on every route on %s (seed ${SEED})`, (database, venueEnv) => {
  let venue: Venue;
  let stage: StageFixture;
  let fieldId: string;
  let heldId: string;
  let db: DatabaseFingerprint;
  let operations: Operation[];
  let schemas: Record<string, JsonSchema>;
  const tokens: Partial<Record<Role | 'signsOut', string>> = {};
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  const tried = new Map<string, number>();
  const statuses = new Map<number, number>();
  /** Requests per kind of input (the test that sends them). */
  const kinds = new Map<string, number>();
  let kind = '';
  let failures: string[] = [];
  let lastTables: Record<string, string> | null = null;

  /** One raw request: the path and body exactly as given (no URL normalising, no re-encoding). */
  const send = (
    method: string,
    rawPath: string,
    options: { role: Role; body?: Buffer | string; contentType?: string },
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string> = {};
      // Signing out everywhere ends the organiser's own tokens: it gets a token of its own.
      const token =
        options.role === 'organiser' && rawPath.startsWith('/api/auth/sign-out-everywhere')
          ? tokens.signsOut
          : tokens[options.role];
      if (token) headers.Authorization = `Bearer ${token}`;
      if (options.contentType) headers['Content-Type'] = options.contentType;
      const body =
        options.body === undefined
          ? undefined
          : Buffer.isBuffer(options.body)
            ? options.body
            : Buffer.from(options.body);
      if (body) headers['Content-Length'] = String(body.length);
      const req = http.request(
        { host: '127.0.0.1', port: venue.port, method, path: rawPath, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              contentType: String(res.headers['content-type'] ?? ''),
            }),
          );
          res.on('error', reject);
        },
      );
      // A server that answers 413 before reading a huge body may close the socket under the write.
      req.on('error', reject);
      if (body) req.write(body, () => undefined);
      req.end();
    });

  /** A registration commit answers 202 and writes afterwards: wait for its job, so its rows are not blamed on the next request. */
  const jobSettled = async (answer: Answer) => {
    const job = JSON.parse(answer.text) as { id?: string; stageId?: string; state?: string };
    let state = job.state;
    for (let poll = 0; state === 'running' && poll < 200; poll++) {
      await new Promise((done) => setTimeout(done, 50));
      const progress = await request(venue.url)
        .get(`/api/stages/${job.stageId}/registration/commits/${job.id}`)
        .set('Authorization', `Bearer ${tokens.organiser}`);
      state = (progress.body as { state?: string }).state;
    }
    if (state === 'running')
      failures.push(`registration commit ${job.id} still running after 10 s`);
  };

  /** Sends one hostile request and checks what must hold; returns the answer. */
  const attempt = async (
    operation: Operation,
    what: string,
    input: {
      path?: string;
      role: Role;
      body?: Buffer | string;
      contentType?: string;
      query?: string;
    },
  ): Promise<Answer | null> => {
    const entry = operation.label ?? `${operation.method} ${operation.path}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    tried.set(entry, (tried.get(entry) ?? 0) + 1);
    const target = (input.path ?? fillPath(operation)) + (input.query ? `?${input.query}` : '');
    // Nothing in this venue writes on its own (no devices, screens or federation link), so the state
    // after one request is the state before the next: one fingerprint per request.
    const before = lastTables ?? (await db.tables());
    lastTables = null;
    let answer: Answer;
    try {
      answer = await send(operation.method, target, input);
    } catch (error) {
      // The socket closed under a huge body: the server must still answer the next request.
      const health = await request(venue.url).get('/api/health/live');
      if (health.status !== 200)
        failures.push(
          `${entry} [${what}, ${input.role}]: the server stopped answering (${String(error)})`,
        );
      return null;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const label = `${entry} [${what}, ${input.role}] → ${answer.status}`;
    if (answer.status >= 500) failures.push(`${label}: ${answer.text.slice(0, 300)}`);
    if (answer.status >= 400) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.text);
      } catch {
        parsed = undefined;
      }
      const checked = apiErrorBodySchema.safeParse(parsed);
      if (!checked.success || checked.data.statusCode !== answer.status) {
        failures.push(
          `${label}: refusal outside the contract (${answer.contentType}) ${answer.text.slice(0, 200)}`,
        );
      }
    }
    if (answer.status === 202) await jobSettled(answer);
    const after = await db.tables();
    lastTables = after;
    // A failed sign-in is refused and goes on the audit record (docs/audit.md) and counts
    // towards its user name's back-off (docs/security.md#failed-sign-ins).
    const signInFailed = answer.status === 401 && /^\/api\/auth\/(organiser|judge)$/.test(target);
    const changed = Object.keys(after).filter(
      (table) =>
        after[table] !== before[table] &&
        !(signInFailed && (table === 'audit_entry' || table === 'sign_in_backoff')),
    );
    if (answer.status >= 400 && changed.length > 0) {
      failures.push(`${label}: refused, yet changed ${changed.join(', ')}`);
    }
    return answer;
  };

  const context = (random: () => number): BodyContext => ({
    random,
    ids: [
      stage.stageId,
      stage.categoryId,
      ...stage.teamIds,
      stage.olympiadId,
      stage.judge.id,
      fieldId,
      heldId,
    ],
    named: {
      stageId: stage.stageId,
      categoryId: stage.categoryId,
      teamId: stage.teamIds[1],
      olympiadId: stage.olympiadId,
      fieldId,
      judgeId: stage.judge.id,
    },
    resolve: (ref) => schemas[ref.replace('#/components/schemas/', '')],
  });

  /** A real row's id for a path parameter, named after the segment before it. */
  const realParam = (operation: Operation, name: string): string => {
    if (name === 'stageId') return stage.stageId;
    if (name === 'fieldId') return fieldId;
    if (name === 'code') return stage.stageCode;
    const segment = operation.path
      .split('/')
      .slice(0, -1)
      .reverse()
      .find((part) => !part.startsWith('{'));
    const byResource: Record<string, string> = {
      olympiads: stage.olympiadId,
      stages: stage.stageId,
      categories: stage.categoryId,
      teams: stage.teamIds[0],
      'held-entries': heldId,
    };
    const before =
      operation.path.split(`{${name}}`)[0].split('/').filter(Boolean).pop() ?? segment ?? '';
    return byResource[before] ?? randomUUID();
  };
  /** Routes whose valid call would sign our own tokens out or take the fixture apart. */
  const DISRUPTIVE = new Set([
    'PATCH /api/judges/{id}',
    'POST /api/judges/{id}/pin',
    'POST /api/auth/token-keys',
  ]);
  const fillPath = (operation: Operation, hostile?: { name: string; value: string }) =>
    operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (hostile?.name === name) return hostile.value;
      return DISRUPTIVE.has(`${operation.method} ${operation.path}`)
        ? randomUUID()
        : encodeURIComponent(realParam(operation, name));
    });

  beforeAll(async () => {
    console.log(`hostile-http: seed ${SEED} (HOSTILE_SEED=${SEED} replays this run)`);
    const env = await venueEnv();
    venue = await startVenue({ env });
    tokens.organiser = await organiserToken(venue);
    await request(venue.url)
      .post('/api/staff')
      .set('Authorization', `Bearer ${tokens.organiser}`)
      .send({
        username: 'signs-out',
        displayName: 'Signs out',
        password: 'a-long-password-1',
        staffRole: 'admin',
        stageIds: [],
      })
      .expect(201);
    tokens.signsOut = (
      await request(venue.url)
        .post('/api/auth/organiser')
        .send({ username: 'signs-out', password: 'a-long-password-1' })
        .expect(200)
    ).body.token as string;
    stage = await createMazeStage(venue, tokens.organiser, { teams: 3 });
    tokens['head-judge'] = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    tokens.judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    // A judge's token with its signature replaced, and one that claims the organiser without any (alg none).
    tokens.forged = `${tokens.judge.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
    const claims = JSON.parse(
      Buffer.from(tokens.organiser.split('.')[1], 'base64url').toString('utf8'),
    ) as object;
    tokens.oversized = `${'x'.repeat(8_000)}.${'\u00ff'.repeat(2_000)}`;
    tokens.unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    ({ fieldId, heldId } = await addFieldAndHeldEntry(
      venue,
      tokens.organiser,
      tokens.judge,
      stage,
    ));

    ({ operations, schemas } = await openApiOperations(venue));
    db = await databaseFingerprint(venue, env.DATABASE_URL);
  }, 60_000);

  beforeEach(() => {
    failures = [];
  });

  afterAll(async () => {
    await db?.close();
    agent.destroy();
    await venue?.stop();
  });

  it('reads every route from the served OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((operation) => operation.body).length).toBeGreaterThan(30);
  });

  it('answers bodies made from each route’s schema (fitting, each field wrong in turn, extra keys) without a 5xx', async () => {
    kind = 'bodies from the schema';
    const random = seededRandom(SEED);
    const ctx = context(random);
    for (const operation of operations.filter(
      (candidate) => candidate.body && candidate.contentType === 'application/json',
    )) {
      const schema = operation.body as JsonSchema;
      const valid = validValue(schema, ctx);
      for (const role of ROLES)
        await attempt(operation, 'body from its schema', {
          role,
          body: toJson(valid),
          contentType: 'application/json',
        });
      // Two more that fit, with other choices of optional fields, enum values and ids.
      for (let sample = 0; sample < 2; sample++) {
        await attempt(operation, 'another body from its schema', {
          role: pick(random, ['organiser', 'head-judge', 'judge'] as const),
          body: toJson(validValue(schema, ctx)),
          contentType: 'application/json',
        });
      }
      for (const { path: field, schema: fieldSchema } of fieldPaths(schema, ctx)) {
        const wrong = wrongValues(fieldSchema, ctx);
        for (const value of wrong) {
          await attempt(operation, `${field.join('.')} wrong`, {
            role: 'organiser',
            body: toJson(withField(valid, field, value)),
            contentType: 'application/json',
          });
        }
        const role = pick(random, ['head-judge', 'judge'] as const);
        await attempt(operation, `${field.join('.')} wrong`, {
          role,
          body: toJson(withField(valid, field, pick(random, wrong))),
          contentType: 'application/json',
        });
      }
      const text = toJson(valid);
      const extras = [
        toJson({ ...(valid as object), unexpected: 1 }),
        text.replace(/^\{/, '{"__proto__":{"role":"organiser","isAdmin":true},'),
        text.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},'),
        text.replace(/^\{/, '{"__proto__":null,'),
        text.replace(/^\{/, '{"nul\\u0000key":1,'),
      ];
      for (const body of extras) {
        for (const role of ['organiser', 'judge'] as const)
          await attempt(operation, 'extra keys', { role, body, contentType: 'application/json' });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
  });

  // What the body parser and the content-type checks refuse never reaches a database: SQLite only.
  const onSqliteOnly = database === 'SQLite' ? it : it.skip;
  onSqliteOnly('answers generic hostile bodies on every route without a 5xx', async () => {
    kind = 'generic hostile bodies';
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    const tenMegabytes = `{"name":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    const bodies: [string, Buffer | string, string][] = [
      ['JSON 10,000 deep', deep, 'application/json'],
      ['array 10,000 deep', deepArray, 'application/json'],
      ['10 MB', tenMegabytes, 'application/json'],
      ['invalid UTF-8', invalidUtf8, 'application/json; charset=utf-8'],
      ['JSON as text/plain', '{"name":"x"}', 'text/plain'],
      [
        'XML',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        'application/xml',
      ],
      ['form', 'name=x&__proto__[admin]=1&a[b][c][d]=1', 'application/x-www-form-urlencoded'],
      [
        'multipart without a boundary',
        '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--x--',
        'multipart/form-data',
      ],
      ['random bytes', randomBytes(64 * 1024), 'application/octet-stream'],
      [
        'gzip of 50 MB of zeros',
        gzipSync(Buffer.alloc(50 * 1024 * 1024)),
        'application/octet-stream',
      ],
      ...multipartFiles(),
      ['JSON declared as another charset', '{"name":"x"}', 'application/json; charset=utf-7'],
      ['a bare string', '"x"', 'application/json'],
      ['a bare number beyond 2^53', '9007199254740993', 'application/json'],
      ['null', 'null', 'application/json'],
      ['an array', '[]', 'application/json'],
      ['truncated JSON', '{"name": "x', 'application/json'],
      ['duplicate keys', '{"name":"a","name":{"$gt":""}}', 'application/json'],
      ['empty', '', 'application/json'],
    ];
    for (const operation of operations) {
      if (operation.method === 'GET') {
        await attempt(operation, 'GET with a body', {
          role: 'organiser',
          body: deep,
          contentType: 'application/json',
        });
        continue;
      }
      for (const [what, body, contentType] of bodies) {
        await attempt(operation, what, { role: 'organiser', body, contentType });
      }
      await attempt(operation, 'invalid UTF-8', {
        role: 'judge',
        body: invalidUtf8,
        contentType: 'application/json',
      });
    }
    expect(failures).toEqual([]);
  });

  it('answers every role, path parameters that are not ids and hostile queries without a 5xx', async () => {
    kind = 'roles, paths and queries';
    const random = seededRandom(SEED + 1);
    const notIds = [
      'not-an-id',
      '0',
      '-1',
      '9007199254740993',
      '1e309',
      '%ff',
      '%00',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      encodeURIComponent(randomUuid(random).replace(/a/g, 'а')),
      encodeURIComponent("' OR 1=1 --"),
      '__proto__',
      'constructor',
      'x'.repeat(2_000),
      encodeURIComponent('ＡＢＣＤ１２'),
    ];
    for (const operation of operations) {
      if (!operation.body) {
        for (const role of ROLES) {
          await attempt(operation, 'as the route is called', { role });
        }
      }
      for (const name of operation.params) {
        for (const value of notIds) {
          const role = pick(random, ['organiser', 'head-judge', 'judge', 'public'] as const);
          await attempt(operation, `:${name} = ${value.slice(0, 30)}`, {
            role,
            path: fillPath(operation, { name, value }),
          });
        }
      }
      for (const name of operation.query) {
        const queries = [
          `${name}=${'x'.repeat(10_000)}`,
          `${name}=a&${name}=b`,
          `${name}[a]=1`,
          `${name}[__proto__][x]=1`,
          `${name}=%ff`,
          `${name}=a%00b`,
          `${name}=${encodeURIComponent('оpen')}`,
          `${name}=`,
        ];
        for (const query of queries)
          await attempt(operation, `?${query.slice(0, 30)}`, { role: 'organiser', query });
      }
      await attempt(operation, 'unknown query', {
        role: 'organiser',
        query: '__proto__[admin]=1&constructor[prototype][x]=1',
      });
    }
    // Doors that are not in the document: other methods on its paths, paths under /api it does not have.
    const listed = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
    for (const operation of operations) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (listed.has(`${method} ${operation.path}`)) continue;
        await attempt(
          { ...operation, method, label: 'methods not in the document' },
          'a method the route does not have',
          {
            role: 'organiser',
            body: '{}',
            contentType: 'application/json',
          },
        );
      }
    }
    const unknown: Operation = {
      method: 'GET',
      path: '/api/{unknown}',
      params: [],
      query: [],
      label: 'paths not in the document',
    };
    for (const rawPath of [
      '/api/nothing-here',
      '/api/%ff',
      '/api/%00',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api//stages',
      `/api/${'x'.repeat(4_000)}`,
      '/api/stages/%E2%80%AE',
    ]) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        await attempt({ ...unknown, method }, 'a path the API does not have', {
          role: 'organiser',
          path: rawPath,
        });
      }
    }
    expect(failures).toEqual([]);
  });

  it('is still up and consistent after all of it, and says what it tried', async () => {
    const total = [...tried.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      [
        `hostile-http on ${database}: seed ${SEED}, ${total} requests on ${tried.size} entry points`,
        `by kind: ${[...kinds.entries()].map(([name, count]) => `${name} ${count}`).join(', ')}`,
        `statuses: ${[...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
        ...[...tried.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([entry, count]) => `  ${count}\t${entry}`),
      ].join('\n'),
    );
    await request(venue.url).get('/api/health/live').expect(200);
    const verify = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/standings/verify`)
      .set('Authorization', `Bearer ${tokens.organiser}`)
      .expect(200);
    expect(verify.body.matches).toBe(true);
    const troubles = venue
      .output()
      .split('\n')
      .filter((line) => /\b(ERROR|FATAL|WARN)\b|Maximum call stack|Unhandled/.test(line));
    console.log(`hostile-http: server log lines of concern:\n${troubles.join('\n')}`);
    expect(venue.output()).not.toMatch(/Maximum call stack|\bERROR\b|\bFATAL\b|Unhandled/);
  });
});
