import { chooseRingMatch, type RingCandidate, type RingChoiceInput } from './ring-match-choice';

const match = (id: string, a: string, b: string, underWay = false): RingCandidate => ({
  id,
  a,
  b,
  underWay,
});
const MIN = 60_000;
const base = (over: Partial<RingChoiceInput>): RingChoiceInput => ({
  fieldId: 'ring-1',
  candidates: [
    match('m1', 'A', 'B'),
    match('m2', 'C', 'D'),
    match('m3', 'A', 'C'),
    match('m4', 'E', 'F'),
  ],
  claims: [],
  lastMatchEndMs: new Map(),
  restMs: 3 * MIN,
  nowMs: 100 * MIN,
  ...over,
});

describe('the next match of a ring that shares its category', () => {
  it('gives two rings different matches: the second skips the one the first holds', () => {
    expect(chooseRingMatch(base({}))).toMatchObject({
      kind: 'match',
      match: { id: 'm1' },
      held: false,
    });
    const second = chooseRingMatch(
      base({ fieldId: 'ring-2', claims: [{ matchId: 'm1', fieldId: 'ring-1' }] }),
    );
    expect(second).toMatchObject({ kind: 'match', match: { id: 'm2' } });
  });

  it('never calls a team that is on another ring now', () => {
    const claims = [
      { matchId: 'm1', fieldId: 'ring-1' },
      { matchId: 'm2', fieldId: 'ring-2' },
    ];
    // m3 (A–C) has both teams on other rings; m4 is free.
    expect(chooseRingMatch(base({ fieldId: 'ring-3', claims }))).toMatchObject({
      kind: 'match',
      match: { id: 'm4' },
    });
  });

  it('gives a ring the match it already holds when it asks again', () => {
    const claims = [{ matchId: 'm3', fieldId: 'ring-1' }];
    expect(chooseRingMatch(base({ claims }))).toMatchObject({
      kind: 'match',
      match: { id: 'm3' },
      held: true,
    });
  });

  it('forgets claims of matches that are finished (no longer candidates)', () => {
    const claims = [{ matchId: 'gone', fieldId: 'ring-2' }];
    expect(chooseRingMatch(base({ claims }))).toMatchObject({ kind: 'match', match: { id: 'm1' } });
  });

  it('skips a match whose team is still resting, and offers it once the rest is over', () => {
    const lastMatchEndMs = new Map([['A', 99 * MIN]]);
    expect(chooseRingMatch(base({ lastMatchEndMs }))).toMatchObject({
      kind: 'match',
      match: { id: 'm2' },
    });
    expect(chooseRingMatch(base({ lastMatchEndMs, nowMs: 102 * MIN }))).toMatchObject({
      kind: 'match',
      match: { id: 'm1' },
    });
  });

  it('says when the first resting team is free when every free match waits for a rest', () => {
    const lastMatchEndMs = new Map([
      ['A', 99 * MIN],
      ['C', 98 * MIN],
      ['E', 97.5 * MIN],
    ]);
    const sut = chooseRingMatch(
      base({ lastMatchEndMs, claims: [{ matchId: 'm2', fieldId: 'ring-2' }] }),
    );
    expect(sut).toEqual({ kind: 'resting', match: match('m4', 'E', 'F'), readyAtMs: 100.5 * MIN });
  });

  it('with no rest set, a team may play again at once', () => {
    const lastMatchEndMs = new Map([['A', 100 * MIN]]);
    expect(chooseRingMatch(base({ lastMatchEndMs, restMs: 0 }))).toMatchObject({
      match: { id: 'm1' },
    });
  });

  it('resumes a match already begun before any other, whatever the rest', () => {
    const candidates = [match('m1', 'A', 'B'), match('m2', 'C', 'D', true)];
    const lastMatchEndMs = new Map([['C', 100 * MIN]]);
    expect(chooseRingMatch(base({ candidates, lastMatchEndMs }))).toMatchObject({
      match: { id: 'm2' },
    });
  });

  it('is none when every match is held by other rings or played', () => {
    const candidates = [match('m1', 'A', 'B')];
    expect(
      chooseRingMatch(base({ candidates, claims: [{ matchId: 'm1', fieldId: 'ring-2' }] })),
    ).toEqual({ kind: 'none' });
    expect(chooseRingMatch(base({ candidates: [] }))).toEqual({ kind: 'none' });
  });

  it('keeps a team of two categories off two rings: its match in one category makes it busy in the other', () => {
    // A team belongs to one category in this system; when one entrant plays in two categories
    // the caller passes both categories' matches together, and the rule still holds.
    const candidates = [match('x1', 'A', 'B'), match('y1', 'A', 'Z'), match('y2', 'Y', 'Z2')];
    const claims = [{ matchId: 'x1', fieldId: 'ring-1' }];
    expect(chooseRingMatch(base({ fieldId: 'ring-2', candidates, claims }))).toMatchObject({
      match: { id: 'y2' },
    });
  });
});
