import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { rawStatement } from '../database/raw-statement';

/**
 * Back-off of failed sign-ins per user name (docs/security.md#failed-sign-ins), on top of the
 * per-address rate limit: the first failures are free, then each one doubles the wait, up to a cap.
 */
export const SIGN_IN_BACKOFF = {
  /** Failures in a row that cost nothing. */
  freeFailures: 4,
  firstWaitMs: 30_000,
  longestWaitMs: 15 * 60_000,
  /** A failure this long after the previous one starts counting again from one. */
  forgetAfterMs: 60 * 60_000,
} as const;

/** How long a user name waits after this many failures in a row (0: it may try again at once). */
export function backoffWaitMs(failures: number): number {
  const over = failures - SIGN_IN_BACKOFF.freeFailures;
  if (over <= 0) return 0;
  return Math.min(SIGN_IN_BACKOFF.firstWaitMs * 2 ** (over - 1), SIGN_IN_BACKOFF.longestWaitMs);
}

/** The refusal while a user name waits; the controller sends the seconds as Retry-After. */
export class SignInBackedOff extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'auth.signInBackedOff',
      `Too many wrong passwords for this user name: try again in ${retryAfterSeconds} s`,
    );
  }
}

/**
 * The counts live in the database, so every replica and every address meets the same wait; the
 * row is kept by user name whether or not such an account exists, so the wait tells nothing.
 */
@Injectable()
export class SignInBackoff {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Refuses (SignInBackedOff) while the user name waits; checked before the password is. */
  async assertMayTry(username: string, now = new Date()): Promise<void> {
    const { rows } = await rawStatement(
      this.dataSource.manager,
      'SELECT "blockedUntil" FROM "sign_in_backoff" WHERE "username" = ?',
      [key(username)],
    );
    const until = rows[0]?.['blockedUntil'];
    if (typeof until !== 'string') return;
    const waitMs = Date.parse(until) - now.getTime();
    if (waitMs > 0) throw new SignInBackedOff(Math.ceil(waitMs / 1000));
  }

  async failed(username: string, now = new Date()): Promise<void> {
    const forgotten = new Date(now.getTime() - SIGN_IN_BACKOFF.forgetAfterMs).toISOString();
    // One statement, so failures arriving together on two replicas are both counted.
    const { rows } = await rawStatement(
      this.dataSource.manager,
      `INSERT INTO "sign_in_backoff" ("username", "failures", "lastFailureAt", "blockedUntil")
       VALUES (?, 1, ?, NULL)
       ON CONFLICT ("username") DO UPDATE SET
         "failures" = CASE WHEN "sign_in_backoff"."lastFailureAt" < ? THEN 1
                      ELSE "sign_in_backoff"."failures" + 1 END,
         "lastFailureAt" = excluded."lastFailureAt"
       RETURNING "failures"`,
      [key(username), now.toISOString(), forgotten],
    );
    const waitMs = backoffWaitMs(Number(rows[0]?.['failures'] ?? 0));
    if (waitMs === 0) return;
    await rawStatement(
      this.dataSource.manager,
      'UPDATE "sign_in_backoff" SET "blockedUntil" = ? WHERE "username" = ?',
      [new Date(now.getTime() + waitMs).toISOString(), key(username)],
    );
  }

  async succeeded(username: string): Promise<void> {
    await rawStatement(
      this.dataSource.manager,
      'DELETE FROM "sign_in_backoff" WHERE "username" = ?',
      [key(username)],
    );
  }
}

const key = (username: string) => username.trim().toLowerCase().slice(0, 64);
