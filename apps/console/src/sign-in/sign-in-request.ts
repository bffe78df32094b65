import { routes, type OrganiserAuthAnswer, type OrganiserSignIn } from '@olympiad/contracts';
import { ApiError } from '@olympiad/ui';
import { retryAfterSeconds } from './retry-after';

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
  let response: Response;
  try {
    response = await fetchImpl(routes.auth.signInOrganiser.path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'errors.network',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }
  const text = await response.text();
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
