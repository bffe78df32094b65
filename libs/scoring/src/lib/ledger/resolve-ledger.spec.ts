import type { LedgerRecord } from '../ledger.types';
import { resolveLedger } from './resolve-ledger';

let seq = 0;
function record(
  id: string,
  supersedes: string | null = null,
  kind = 'maze.attempt',
  teamId: string | null = 't1',
): LedgerRecord {
  seq += 1;
  return {
    id,
    seq,
    kind,
    teamId,
    payload: { n: id },
    supersedes,
    authorId: 'j',
    recordedAt: '2025-01-01T00:00:00Z',
  };
}

describe('resolveLedger', () => {
  beforeEach(() => (seq = 0));

  it("keeps the newest entry of a chain, at the place in time of the chain's first entry", () => {
    const { effective } = resolveLedger([
      record('a'),
      record('b'),
      record('a2', 'a'),
      record('a3', 'a2'),
    ]);
    expect(effective.map((e) => [e.record.id, e.rootId, e.rootSeq])).toEqual([
      ['a3', 'a', 1],
      ['b', 'b', 2],
    ]);
  });

  it('lets a correction name any entry of the chain; the newest still wins', () => {
    const { effective } = resolveLedger([record('a'), record('a2', 'a'), record('a3', 'a')]);
    expect(effective.map((e) => e.record.id)).toEqual(['a3']);
  });

  it('removes a chain whose newest entry is a void, and brings it back with a later correction', () => {
    const voided = [record('a'), record('v', 'a', 'void', null)];
    expect(resolveLedger(voided).effective).toEqual([]);
    const revived = resolveLedger([...voided, record('a4', 'v')]);
    expect(revived.effective.map((e) => e.record.id)).toEqual(['a4']);
  });

  it('ignores corrections of unknown or later entries, and voids naming nothing, with warnings', () => {
    const { effective, warnings } = resolveLedger([
      record('x', 'nope'),
      record('a'),
      record('v', null, 'void', null),
      record('y', 'x'),
    ]);
    expect(effective.map((e) => e.record.id)).toEqual(['a']);
    expect(warnings.map((w) => [w.entryId, w.key])).toEqual([
      ['x', 'scoring.ledger.unknownTarget'],
      ['v', 'scoring.ledger.voidWithoutTarget'],
      ['y', 'scoring.ledger.unknownTarget'],
    ]);
  });

  it('counts the same id once and does not trust the array order', () => {
    const a = record('a');
    const a2 = record('a2', 'a');
    expect(resolveLedger([a2, a, a2, a]).effective.map((e) => e.record.id)).toEqual(['a2']);
  });
});
