import { routes, type OrganiserAuthAnswer, type OrganiserSignIn } from '@olympiad/contracts';
import { ApiError } from '@olympiad/ui';
import { retryAfterSeconds } from './retry-after';

/** As long as the JSON client waits for any answer (libs/ui api-client). */
const SIGN_IN_TIMEOUT_MS = 10_000;

/** The server backs off after failed sign-ins (429): how long, so the page can count down. */
export class SignInBackoff extends Error {
  constructor(
    readonly error: ApiError,
    /** How long the server asked to wait, and until when (ms since the epoch). */
    readonly seconds: number,
    readonly until: number,
  ) {
    super(error.message);
  }
}

/**
 * The organiser sign-in through fetch itself, not the JSON client: only here does the console
 * need an answer's header (Retry-After of a 429).
 */
export async function signIn(
  fetchImpl: typeof fetch,
  body: OrganiserSignIn,
): Promise<OrganiserAuthAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, SIGN_IN_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(routes.auth.signInOrganiser.path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (cause) {
    if (timedOut)
      throw new ApiError(0, 'errors.timeout', `No answer within ${SIGN_IN_TIMEOUT_MS} ms`);
    throw new ApiError(
      0,
      'errors.network',
      cause instanceof Error ? cause.message : 'Network error',
    );
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as OrganiserAuthAnswer;
  const error = ApiError.fromBody(response.status, parsed);
  const wait =
    response.status === 429
      ? retryAfterSeconds(response.headers.get('Retry-After'), Date.now())
      : null;
  if (wait !== null) throw new SignInBackoff(error, wait, Date.now() + wait * 1000);
  throw error;
}
