import { refuseNulInJson, refuseNulInUrl } from './nul-characters';
import { ApiError } from './api-error';
import type { NextFunction, Request, Response } from 'express';

describe('NUL characters at the door', () => {
  it('JSON: refuses U+0000 in any text or key, however deep, and keeps everything else', () => {
    expect(() => JSON.parse('{"a":[{"b":"x\\u0000y"}]}', refuseNulInJson)).toThrow(SyntaxError);
    expect(() => JSON.parse('{"a\\u0000":1}', refuseNulInJson)).toThrow(SyntaxError);
    expect(JSON.parse('{"name":"Қыран \\\\u0000","n":1}', refuseNulInJson)).toEqual({
      name: 'Қыран \\u0000',
      n: 1,
    });
  });

  it('URL: refuses a percent-encoded NUL, not an encoded percent sign followed by 00', () => {
    const run = (url: string) => {
      const next = jest.fn() as unknown as NextFunction & jest.Mock;
      refuseNulInUrl({ url } as Request, {} as Response, next);
      return next.mock.calls[0][0] as unknown;
    };
    expect(run('/api/public/stages/AB%00C')).toBeInstanceOf(ApiError);
    expect(run('/api/schools?regionCode=%00')).toBeInstanceOf(ApiError);
    expect(run('/api/schools?regionCode=%2500')).toBeUndefined();
    expect(run('/api/schools?regionCode=aktobe')).toBeUndefined();
  });
});
