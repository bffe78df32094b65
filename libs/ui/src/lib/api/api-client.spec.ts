import { fileRoute, jsonRoute } from '@olympiad/contracts';
import { z } from 'zod';
import { createApiClient } from './api-client';
import { ApiError } from './api-error';
import { describeError } from './describe-error';

type FetchArgs = Parameters<typeof fetch>;

function answer(status: number, body: unknown, raw = false): Response {
  const text = raw ? String(body) : JSON.stringify(body);
  return { ok: status >= 200 && status < 300, status, text: async () => text } as Response;
}

const listOlympiads = jsonRoute({
  method: 'GET',
  path: '/api/olympiads',
  response: z.array(z.object({ id: z.string() })),
});
const createOlympiad = jsonRoute({
  method: 'POST',
  path: '/api/olympiads',
  body: z.object({ name: z.string() }).partial(),
  response: z.object({ id: z.string() }),
});
const slow = jsonRoute({ method: 'GET', path: '/api/slow', response: z.object({}) });

function fakeFetch(respond: (...args: FetchArgs) => Promise<Response>) {
  return jest.fn(respond) as jest.Mock<Promise<Response>, FetchArgs>;
}

describe('createApiClient', () => {
  it('sends JSON with the Bearer token and returns the parsed answer', async () => {
    const fetch = fakeFetch(async () => answer(200, [{ id: 'o1' }]));
    const sut = createApiClient({ fetch, getToken: () => 'tok-1', baseUrl: 'http://venue' });
    await expect(sut.call(createOlympiad, { body: { name: 'R:ED' } })).resolves.toEqual([
      { id: 'o1' },
    ]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://venue/api/olympiads');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"R:ED"}');
    expect(init?.headers).toMatchObject({
      Authorization: 'Bearer tok-1',
      'Content-Type': 'application/json',
    });
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = fakeFetch(async () => answer(200, { status: 'ok' }));
    await createApiClient({ fetch, getToken: () => null }).call(listOlympiads);
    expect(Object.keys(fetch.mock.calls[0][1]?.headers ?? {})).not.toContain('Authorization');
  });

  it('turns an error body into an ApiError with its key and issues', async () => {
    const body = {
      statusCode: 400,
      key: 'errors.validation',
      message: 'Validation failed',
      issues: [{ path: 'season', key: 'validation.tooShort', message: 'too short' }],
    };
    const sut = createApiClient({ fetch: fakeFetch(async () => answer(400, body)) });
    const error = await sut.call(createOlympiad, { body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      key: 'errors.validation',
      message: 'Validation failed',
    });
    expect((error as ApiError).issues).toHaveLength(1);
  });

  it('names an error from its status when the body is not the API’s', async () => {
    const sut = createApiClient({
      fetch: fakeFetch(async () => answer(502, '<html>Bad gateway</html>', true)),
    });
    await expect(sut.call(listOlympiads)).rejects.toMatchObject({
      status: 502,
      key: 'errors.internal',
    });
  });

  it('tells the app about a 401 so it can sign out', async () => {
    const onUnauthorized = jest.fn();
    const body = { statusCode: 401, key: 'errors.unauthorized', message: 'Unauthorized' };
    const sut = createApiClient({
      fetch: fakeFetch(async () => answer(401, body)),
      onUnauthorized,
    });
    await expect(sut.call(listOlympiads)).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure as errors.network with status 0', async () => {
    const sut = createApiClient({
      fetch: fakeFetch(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    const error = (await sut.call(listOlympiads).catch((caught: unknown) => caught)) as ApiError;
    expect(error.key).toBe('errors.network');
    expect(error.isNetwork).toBe(true);
  });

  it('gives up after the timeout with errors.timeout', async () => {
    const fetch = fakeFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const sut = createApiClient({ fetch, timeoutMs: 20 });
    await expect(sut.call(slow)).rejects.toMatchObject({ status: 0, key: 'errors.timeout' });
  });

  it('passes the caller’s abort through as it is', async () => {
    const fetch = fakeFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const controller = new AbortController();
    const pending = createApiClient({ fetch }).call(slow, {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('ApiClient.call and url', () => {
  const rename = jsonRoute({
    method: 'PATCH',
    path: '/api/stages/:stageId/teams/:id',
    body: z.object({ name: z.string() }),
    query: z.object({ dryRun: z.boolean().optional() }),
    response: z.object({ id: z.string() }),
  });

  it('fills the route’s path, sends its body with its method, and returns the answer', async () => {
    const fetch = fakeFetch(async () => answer(200, { id: 't/1' }));
    const sut = createApiClient({ fetch, baseUrl: 'http://venue' });
    const renamed = await sut.call(rename, {
      params: { stageId: 's1', id: 't/1' },
      body: { name: 'Робот' },
      query: { dryRun: true },
    });
    expect(renamed.id).toBe('t/1');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://venue/api/stages/s1/teams/t%2F1?dryRun=true');
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"name":"Робот"}');
  });

  it('sends an empty object to a POST that takes no body, and nothing to a DELETE', async () => {
    const fetch = fakeFetch(async () => answer(204, '', true));
    const sut = createApiClient({ fetch });
    await sut.call(jsonRoute({ method: 'POST', path: '/api/judges/:id/pin', response: null }), {
      params: { id: 'j1' },
    });
    await sut.call(
      jsonRoute({ method: 'DELETE', path: '/api/olympiads/:id/logo', response: null }),
      { params: { id: 'o1' } },
    );
    expect(fetch.mock.calls.map(([, init]) => init?.body)).toEqual(['{}', undefined]);
  });

  it('gives a file route’s address with the base URL, for a link or a download', () => {
    const protocol = fileRoute({
      path: '/api/categories/:id/diplomas.pdf',
      contentType: 'application/pdf',
      query: z.object({ design: z.string() }),
    });
    const sut = createApiClient({ baseUrl: 'https://olympiad.local:3443' });
    expect(sut.url(protocol, { params: { id: 'c1' }, query: { design: 'classic' } })).toBe(
      'https://olympiad.local:3443/api/categories/c1/diplomas.pdf?design=classic',
    );
  });
});

describe('describeError', () => {
  it('translates a key the catalogs know', () => {
    expect(describeError('ru', new ApiError(401, 'auth.wrongPin', 'Wrong PIN'))).toBe(
      'Неверный код этапа или PIN.',
    );
  });

  it('shows the server’s message for a key the catalogs do not know', () => {
    expect(
      describeError('kk', new ApiError(409, 'stage.codeTaken', 'The stage code is taken')),
    ).toBe('The stage code is taken');
  });

  it('has a message for anything else', () => {
    expect(describeError('en', new Error('boom'))).toBe('Something unexpected happened.');
  });
});
