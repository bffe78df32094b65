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
  /** How long a try beyond the free ones holds the others off while its password is checked. */
  checkLeaseMs: 10_000,
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

  /**
   * Takes one try for the user name before its password is checked, counted as a failure at once
   * (`succeeded` forgets it), or refuses (SignInBackedOff) while the name waits. One conditional
   * statement, so wrong passwords arriving together cannot all slip past the count: while a try
   * beyond the free ones is being checked, `blockedUntil` holds a short lease the others meet.
   * Answers the try's number, for `failed`.
   */
  async reserveTry(username: string, now = new Date()): Promise<number> {
    const at = now.toISOString();
    const forgotten = new Date(now.getTime() - SIGN_IN_BACKOFF.forgetAfterMs).toISOString();
    const lease = new Date(now.getTime() + SIGN_IN_BACKOFF.checkLeaseMs).toISOString();
    const { rows } = await rawStatement(
      this.dataSource.manager,
      `INSERT INTO "sign_in_backoff" ("username", "failures", "lastFailureAt", "blockedUntil")
       VALUES (?, 1, ?, ?)
       ON CONFLICT ("username") DO UPDATE SET
         "failures" = CASE WHEN "sign_in_backoff"."lastFailureAt" < ? THEN 1
                      ELSE "sign_in_backoff"."failures" + 1 END,
         "lastFailureAt" = excluded."lastFailureAt",
         "blockedUntil" = excluded."blockedUntil"
       WHERE "sign_in_backoff"."lastFailureAt" < ?
          OR "sign_in_backoff"."failures" <= ?
          OR "sign_in_backoff"."blockedUntil" <= ?
       RETURNING "failures"`,
      [key(username), at, lease, forgotten, forgotten, SIGN_IN_BACKOFF.freeFailures, at],
    );
    const failures = rows[0]?.['failures'];
    if (failures !== undefined) return Number(failures);
    const waiting = await rawStatement(
      this.dataSource.manager,
      'SELECT "blockedUntil" FROM "sign_in_backoff" WHERE "username" = ?',
      [key(username)],
    );
    const until = waiting.rows[0]?.['blockedUntil'];
    const waitMs = typeof until === 'string' ? Date.parse(until) - now.getTime() : 0;
    throw new SignInBackedOff(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** The reserved try was wrong: the name waits as long as its count says. */
  async failed(username: string, failures: number, now = new Date()): Promise<void> {
    const waitMs = backoffWaitMs(failures);
    // Only the latest try sets the wait; an earlier one finishing later leaves it alone.
    await rawStatement(
      this.dataSource.manager,
      'UPDATE "sign_in_backoff" SET "blockedUntil" = ? WHERE "username" = ? AND "failures" = ?',
      [
        waitMs === 0 ? null : new Date(now.getTime() + waitMs).toISOString(),
        key(username),
        failures,
      ],
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
