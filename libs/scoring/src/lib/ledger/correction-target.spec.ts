import { correctionMismatch } from './correction-target';

const attempt = (teamId: string, n: number) => ({
  kind: 'maze.attempt',
  teamId,
  payload: { attempt: n, outcome: 'finished', timeMs: 30_000 },
});
const match = (matchId: string) => ({
  kind: 'sumo.match',
  teamId: null,
  payload: { matchId, events: [] },
});

describe('correctionMismatch', () => {
  it('lets a maze attempt be corrected by the same team and attempt', () => {
    expect(correctionMismatch(attempt('t1', 2), attempt('t1', 2))).toBeNull();
  });

  it("refuses a correction of another team's attempt", () => {
    expect(correctionMismatch(attempt('t1', 1), attempt('t3', 1))).toMatchObject({
      path: 'teamId',
      key: 'scoring.ledger.correctionOtherObject',
    });
  });

  it('refuses a correction naming another attempt of the team', () => {
    expect(correctionMismatch(attempt('t1', 1), attempt('t1', 2))).toMatchObject({
      path: 'payload.attempt',
    });
  });

  it('lets a sumo match be corrected only by the same match', () => {
    expect(correctionMismatch(match('R1-M1'), match('R1-M1'))).toBeNull();
    expect(correctionMismatch(match('R1-M1'), match('R1-M2'))).toMatchObject({
      path: 'payload.matchId',
    });
  });

  it('refuses a correction of another kind', () => {
    expect(
      correctionMismatch(attempt('t1', 1), { kind: 'team.status', teamId: 't1', payload: {} }),
    ).toMatchObject({ path: 'kind' });
  });

  it('lets a void remove any entry', () => {
    expect(
      correctionMismatch(match('R1-M1'), { kind: 'void', teamId: null, payload: {} }),
    ).toBeNull();
  });
});
