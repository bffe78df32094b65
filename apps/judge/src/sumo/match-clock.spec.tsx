import type { FieldSignal } from '@olympiad/contracts';
import { presetRuleSet, type SumoMatchRules, type SumoRuleSet } from '@olympiad/scoring';
import { LanguageProvider } from '@olympiad/ui';
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { MatchClock } from './match-clock';
import { CLOCK_AT_START, type ClockState, wallClock } from './match-clock-state';

const preset = (presetRuleSet('sumo-default') as SumoRuleSet).params.match;
const press = (n: number, button?: string): FieldSignal & { n: number; at: number } => ({
  fieldId: 'ring-1',
  deviceId: 'ring-button',
  type: 'button',
  button,
  deviceTimeUs: n * 1_000_000,
  receivedAt: new Date().toISOString(),
  n,
  at: performance.now(),
});

/** The clock with its state held as the match panel holds it. */
function Ring({
  rules = preset,
  ended = false,
  signal = null,
  kept = CLOCK_AT_START,
}: {
  rules?: SumoMatchRules;
  ended?: boolean;
  signal?: (FieldSignal & { n: number; at: number }) | null;
  kept?: ClockState;
}) {
  const [clock, setClock] = useState(kept);
  return (
    <MatchClock rules={rules} clock={clock} onChange={setClock} ended={ended} signal={signal} />
  );
}

function clock(props: Parameters<typeof Ring>[0] = {}) {
  return (
    <LanguageProvider initial="en">
      <Ring {...props} />
    </LanguageProvider>
  );
}

const shown = () => screen.getByTestId('match-clock').textContent;
const later = (ms: number) => act(() => void jest.advanceTimersByTime(ms));

describe('MatchClock and the ring start button', () => {
  it('starts on a press of the ring button and pauses on its stop button', () => {
    const view = render(clock());
    expect(screen.getByRole('button', { name: 'Start signal' })).toBeTruthy();
    view.rerender(clock({ signal: press(1, 'start') }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    view.rerender(clock({ signal: press(2, 'stop') }));
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('ignores a press that happened before the match came up', () => {
    render(clock({ signal: press(7, 'start') }));
    expect(screen.getByRole('button', { name: 'Start signal' })).toBeTruthy();
  });
});

describe('MatchClock stops', () => {
  const rules: SumoMatchRules = {
    ...preset,
    timing: 'total',
    matchTimeMs: 20_000,
    startDelayMs: 3_000,
  };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('by itself when the time is up, and cannot be started again', () => {
    render(clock({ rules }));
    act(() => screen.getByRole('button', { name: 'Start signal' }).click());
    later(3_000 + 20_000 + 1_500);
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(shown()).toBe('0:00.00');
    expect(screen.getByText('Time is up')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Go on' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('when the match has ended, where it stood', () => {
    const view = render(clock({ rules }));
    act(() => screen.getByRole('button', { name: 'Start signal' }).click());
    later(3_000 + 5_000);
    expect(shown()).toBe('0:15.00');
    view.rerender(clock({ rules, ended: true }));
    later(4_000);
    expect(shown()).toBe('0:15.00');
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Go on' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('goes on after a reload from the state the tablet kept, counting the time in between', () => {
    const startedAt = wallClock() - (3_000 + 6_000);
    render(clock({ rules, kept: { usedMs: 0, runningSince: startedAt } }));
    expect(shown()).toBe('0:14.00');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });
});
