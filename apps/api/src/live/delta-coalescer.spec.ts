import type { StandingsDelta } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { DeltaCoalescer, type CoalescerClock } from './delta-coalescer';

class ManualClock implements CoalescerClock {
  time = 1_000;
  private timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  now = () => this.time;
  schedule = (run: () => void, delayMs: number) => {
    const timer = { at: this.time + delayMs, run, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  };
  advance(ms: number) {
    this.time += ms;
    for (const timer of this.timers.filter((t) => !t.cancelled && t.at <= this.time)) {
      timer.cancelled = true;
      timer.run();
    }
  }
}

const row = (teamId: string, place: number, display: string): StandingRow => ({
  teamId,
  place,
  status: 'ranked',
  primary: null,
  display,
  detail: {},
});
const delta = (version: number, ...changed: StandingRow[]): StandingsDelta => ({ categoryId: 'maze', version, changed });

function setup() {
  const clock = new ManualClock();
  const sent: { delta: StandingsDelta; published: boolean }[] = [];
  const sut = new DeltaCoalescer((d, published) => sent.push({ delta: d, published }), 100, clock);
  return { clock, sent, sut };
}

describe('DeltaCoalescer', () => {
  it('sends a lone delta at once, in the plain shape', () => {
    const { sut, sent } = setup();
    sut.push(delta(4, row('a', 1, '0:41')), true);
    expect(sent).toEqual([{ delta: delta(4, row('a', 1, '0:41')), published: true }]);
  });

  it('merges a burst into one delta from the first base to the last version, last row per team winning', () => {
    const { sut, sent, clock } = setup();
    sut.push(delta(4, row('a', 1, '0:41')), true);
    sut.push(delta(5, row('b', 1, '0:39'), row('a', 2, '0:41')), true);
    sut.push(delta(6, row('b', 1, '0:38')), true);
    expect(sent).toHaveLength(1);
    clock.advance(100);
    expect(sent).toHaveLength(2);
    expect(sent[1].delta).toEqual({
      categoryId: 'maze',
      version: 6,
      from: 4,
      changed: [row('b', 1, '0:38'), row('a', 2, '0:41')],
    });
  });

  it('sends again at once after a quiet interval', () => {
    const { sut, sent, clock } = setup();
    sut.push(delta(4), true);
    clock.advance(150);
    sut.push(delta(5), true);
    expect(sent.map((s) => s.delta.version)).toEqual([4, 5]);
  });

  it('never merges across a version gap', () => {
    const { sut, sent, clock } = setup();
    sut.push(delta(4), true);
    sut.push(delta(5, row('a', 1, 'x')), true);
    sut.push(delta(8, row('b', 1, 'y')), true);
    clock.advance(200);
    expect(sent.map((s) => [s.delta.from ?? s.delta.version - 1, s.delta.version])).toEqual([
      [3, 4],
      [4, 5],
      [7, 8],
    ]);
  });

  it('keeps staff-only and public deltas apart', () => {
    const { sut, sent, clock } = setup();
    sut.push(delta(4), false);
    sut.push(delta(5), false);
    sut.push(delta(6), true);
    clock.advance(200);
    expect(sent.map((s) => [s.delta.version, s.published])).toEqual([
      [4, false],
      [5, false],
      [6, true],
    ]);
  });

  it('drops what it holds when a snapshot will cover it', () => {
    const { sut, sent, clock } = setup();
    sut.push(delta(4), true);
    sut.push(delta(5), true);
    sut.discard('maze');
    clock.advance(200);
    expect(sent.map((s) => s.delta.version)).toEqual([4]);
  });
});
