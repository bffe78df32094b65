import type { FieldSignal } from '@olympiad/contracts';
import { presetRuleSet, type SumoRuleSet } from '@olympiad/scoring';
import { LanguageProvider } from '@olympiad/ui';
import { render, screen } from '@testing-library/react';
import { MatchClock } from './match-clock';

const rules = (presetRuleSet('sumo-default') as SumoRuleSet).params.match;
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

function clock(signal: (FieldSignal & { n: number; at: number }) | null) {
  return (
    <LanguageProvider initial="en">
      <MatchClock rules={rules} signal={signal} />
    </LanguageProvider>
  );
}

describe('MatchClock and the ring start button', () => {
  it('starts on a press of the ring button and pauses on its stop button', () => {
    const view = render(clock(null));
    expect(screen.getByRole('button', { name: 'Start signal' })).toBeTruthy();
    view.rerender(clock(press(1, 'start')));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    view.rerender(clock(press(2, 'stop')));
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
  });

  it('ignores a press that happened before the match came up', () => {
    render(clock(press(7, 'start')));
    expect(screen.getByRole('button', { name: 'Start signal' })).toBeTruthy();
  });
});
