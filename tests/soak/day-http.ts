import * as http from 'node:http';

/**
 * The chaos day's own requests (field judges, the head judge, the organiser): while the server is
 * down or restarting they are sent again, with the same body (the same entry UUID), until it
 * answers, as a person pressing the button again would. Every 5xx is kept with its time, to tell
 * the injected faults' windows from the rest.
 */
export interface ServerError {
  at: number;
  status: number;
  path: string;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DayHttp {
  readonly serverErrors: ServerError[] = [];

  constructor(
    private readonly url: string,
    /** How long one call keeps trying through outages before it gives up. */
    private readonly patienceMs = 90_000,
  ) {}

  send<T = unknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    token: string | null,
    body?: object,
  ): Promise<Answer<T>> {
    return this.exchange(method, path, token, () => ({
      headers: body ? { 'Content-Type': 'application/json' } : ({} as Record<string, string>),
      body: body ? JSON.stringify(body) : undefined,
    }));
  }

  /** A multipart POST (a file upload); `form` makes the body afresh for every try. */
  sendForm<T = unknown>(path: string, token: string | null, form: () => FormData) {
    return this.exchange<T>('POST', path, token, () => ({ headers: {}, body: form() }));
  }

  private async exchange<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    token: string | null,
    request: () => { headers: Record<string, string>; body: string | FormData | undefined },
  ): Promise<Answer<T>> {
    const until = Date.now() + this.patienceMs;
    let last = '';
    while (Date.now() < until) {
      try {
        const { headers, body } = request();
        const response = await fetch(`${this.url}${path}`, {
          method,
          headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (response.status >= 500) {
          this.serverErrors.push({ at: Date.now(), status: response.status, path });
          last = `${response.status} ${text.slice(0, 200)}`;
        } else {
          return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
        }
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(250);
    }
    throw new Error(`${method} ${path} got no answer within ${this.patienceMs} ms (last: ${last})`);
  }

  /** `send`, and the answer must be one of `expected`. */
  async expect<T = unknown>(
    expected: number[],
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    token: string | null,
    body?: object,
  ): Promise<T> {
    const answer = await this.send<T>(method, path, token, body);
    if (!expected.includes(answer.status))
      throw new Error(
        `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    return answer.body;
  }
}

/**
 * A judge signs in from a loopback address of their own (127.0.0.2, 127.0.0.3 …): at a venue
 * each tablet has its own address, and the sign-in limit counts per address (docs/deploy.md).
 */
export function signInJudgeFrom(
  url: string,
  localAddress: string,
  body: { stageCode: string; pin: string },
): Promise<string> {
  const { hostname, port } = new URL(url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port,
        path: '/api/auth/judge',
        method: 'POST',
        localAddress,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve((JSON.parse(text) as { token: string }).token)
            : reject(
                new Error(
                  `Judge sign-in from ${localAddress} answered ${response.statusCode}: ${text}`,
                ),
              ),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
