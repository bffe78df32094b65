import { SingleQueryValuePipe } from './single-query-value.pipe';
import { ApiError } from './api-error';

describe('SingleQueryValuePipe', () => {
  const pipe = new SingleQueryValuePipe();
  const query = (data?: string) => ({ type: 'query' as const, data, metatype: String });

  it('passes a named query parameter given once, or not at all', () => {
    expect(pipe.transform('open', query('status'))).toBe('open');
    expect(pipe.transform(undefined, query('status'))).toBeUndefined();
  });

  it('refuses a named query parameter given twice or as an object, naming it', () => {
    for (const value of [['a', 'b'], { x: '1' }]) {
      const refusal = (() => {
        try {
          pipe.transform(value, query('stageId'));
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(refusal).toBeInstanceOf(ApiError);
      expect((refusal as ApiError).toBody()).toMatchObject({
        statusCode: 400,
        key: 'errors.validation',
        issues: [{ path: 'stageId' }],
      });
    }
  });

  it('leaves the whole query object (a zod DTO checks it), bodies and path parameters alone', () => {
    const whole = { design: 'classic' };
    expect(pipe.transform(whole, query(undefined))).toBe(whole);
    expect(pipe.transform(['a'], { type: 'body', data: undefined, metatype: Object })).toEqual([
      'a',
    ]);
    expect(pipe.transform('x', { type: 'param', data: 'id', metatype: String })).toBe('x');
  });
});
