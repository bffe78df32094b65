import { formatContestTime, parseContestTime } from './contest-time';

describe('contest time', () => {
  it('reads seconds, m:ss and h:mm:ss', () => {
    expect(parseContestTime('75')).toBe(75_000);
    expect(parseContestTime('1:15')).toBe(75_000);
    expect(parseContestTime(' 83:05 ')).toBe(4_985_000);
    expect(parseContestTime('1:02:03')).toBe(3_723_000);
  });

  it('refuses what is not a contest time', () => {
    for (const text of [
      '',
      '1:5',
      '1:60',
      '1:02:60',
      '1:60:00',
      '1:2:3:4',
      '-1:00',
      '1.5',
      'abc',
      '1:',
    ]) {
      expect([text, parseContestTime(text)]).toEqual([text, null]);
    }
  });

  it('writes m:ss under an hour and h:mm:ss from an hour on, and reads back what it writes', () => {
    expect(formatContestTime(75_900)).toBe('1:15');
    expect(formatContestTime(3_723_000)).toBe('1:02:03');
    expect(parseContestTime(formatContestTime(4_985_000))).toBe(4_985_000);
  });
});
