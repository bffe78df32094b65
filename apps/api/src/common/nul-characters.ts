import type { NextFunction, Request, Response } from 'express';
import { invalid } from './api-error';

/**
 * U+0000 in a text: PostgreSQL cannot store it in a text column ("invalid byte sequence"), so a
 * name, a sign-in or a query holding one failed with a 500 there while SQLite took it. It is never
 * part of what a person types; it is refused at the door, on either database, before any guard or
 * handler sees the request (docs/reliability.md#hostile-input).
 */
const NUL = '\u0000';
const MESSAGE = 'A text may not contain the NUL character (U+0000)';

/** `JSON.parse` reviver for the body parser: body-parser answers what it throws with a 400. */
export function refuseNulInJson(key: string, value: unknown): unknown {
  if (key.includes(NUL) || (typeof value === 'string' && value.includes(NUL))) {
    throw new SyntaxError(MESSAGE);
  }
  return value;
}

/** Path and query: a NUL can only arrive percent-encoded (Node refuses the raw byte). */
export function refuseNulInUrl(request: Request, _response: Response, next: NextFunction): void {
  if (/%00/.test(request.url)) {
    next(invalid(MESSAGE, [{ path: 'url', key: 'errors.validation', message: MESSAGE }]));
    return;
  }
  next();
}
