import { correctionOutsideProtest } from './protest-correction';

const attempt = (id: string, teamId: string, n = 1) => ({
  id,
  kind: 'maze.attempt',
  teamId,
  payload: { attempt: n, outcome: 'finished', timeMs: 30_000 },
});
const match = (id: string, matchId: string) => ({
  id,
  kind: 'sumo.match',
  teamId: null,
  payload: { matchId, events: [] },
});

describe('correctionOutsideProtest', () => {
  describe('a protest against an entry', () => {
    const target = { kind: 'entry' as const, entryId: 'e1' };

    it('takes a correction of the protested entry or of a later correction of it', () => {
      expect(
        correctionOutsideProtest(target, 't2', attempt('c', 't1'), [attempt('e1', 't1')]),
      ).toBeNull();
      expect(
        correctionOutsideProtest(target, 't2', attempt('c', 't1'), [
          attempt('e1b', 't1'),
          attempt('e1', 't1'),
        ]),
      ).toBeNull();
    });

    it('refuses a correction of another entry, or of none', () => {
      expect(
        correctionOutsideProtest(target, 't2', attempt('c', 't3'), [attempt('e3', 't3')]),
      ).toMatchObject({ path: 'correction.supersedes', key: 'protests.correctionOtherObject' });
      expect(correctionOutsideProtest(target, 't2', attempt('c', 't1'), [])).not.toBeNull();
    });
  });

  describe('a protest against a sumo match', () => {
    const target = { kind: 'match' as const, matchId: 'R1-M1' };

    it('takes an entry of that match, or a void of one', () => {
      expect(correctionOutsideProtest(target, 't1', match('c', 'R1-M1'), [])).toBeNull();
      expect(
        correctionOutsideProtest(target, 't1', match('c', 'R1-M1'), [match('m', 'R1-M1')]),
      ).toBeNull();
      const voidEntry = { kind: 'void', teamId: null, payload: {} };
      expect(correctionOutsideProtest(target, 't1', voidEntry, [match('m', 'R1-M1')])).toBeNull();
    });

    it('refuses an entry of another match', () => {
      expect(correctionOutsideProtest(target, 't1', match('c', 'R1-M2'), [])).not.toBeNull();
      expect(
        correctionOutsideProtest(target, 't1', match('c', 'R1-M1'), [match('m', 'R1-M2')]),
      ).not.toBeNull();
      const voidEntry = { kind: 'void', teamId: null, payload: {} };
      expect(
        correctionOutsideProtest(target, 't1', voidEntry, [match('m', 'R1-M2')]),
      ).not.toBeNull();
    });
  });

  describe('a protest against the ranking', () => {
    const target = { kind: 'ranking' as const };

    it("takes the protesting team's own entries", () => {
      expect(correctionOutsideProtest(target, 't1', attempt('c', 't1', 2), [])).toBeNull();
      expect(
        correctionOutsideProtest(target, 't1', attempt('c', 't1'), [attempt('e1', 't1')]),
      ).toBeNull();
    });

    it("refuses another team's entry and a decision about no single team", () => {
      expect(
        correctionOutsideProtest(target, 't1', attempt('c', 't3'), [attempt('e3', 't3')]),
      ).toMatchObject({ path: 'correction.teamId' });
      expect(
        correctionOutsideProtest(
          target,
          't1',
          {
            kind: 'ranking.decision',
            teamId: null,
            payload: { scope: 'category', order: ['t1', 't3'] },
          },
          [],
        ),
      ).not.toBeNull();
      const voidEntry = { kind: 'void', teamId: null, payload: {} };
      expect(
        correctionOutsideProtest(target, 't1', voidEntry, [attempt('e3', 't3')]),
      ).not.toBeNull();
    });
  });
});
