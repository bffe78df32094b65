import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ChoiceGroup } from './choice-group';

const OPTIONS = [
  { value: 'stall', label: 'Stalled' },
  { value: 'time-limit', label: 'Time limit' },
  { value: 'judge', label: 'Judge stopped it' },
] as const;
type Ended = (typeof OPTIONS)[number]['value'];

function Picker({ initial = null }: { initial?: Ended | null }) {
  const [value, setValue] = useState<Ended | null>(initial);
  return (
    <>
      <ChoiceGroup label="Ended by" options={OPTIONS} value={value} onChange={setValue} />
      <output>{value ?? 'none'}</output>
    </>
  );
}

const radio = (name: string) => screen.getByRole('radio', { name });
const chosen = () => screen.getByRole('status', { hidden: true });

describe('ChoiceGroup', () => {
  it('is a labelled radio group whose options are radios, none checked at first', () => {
    render(<Picker />);
    expect(screen.getByRole('radiogroup', { name: 'Ended by' })).toBeTruthy();
    expect(
      screen.getAllByRole('radio').map((option) => option.getAttribute('aria-checked')),
    ).toEqual(['false', 'false', 'false']);
  });

  it('chooses the tapped option and marks only it checked and on', () => {
    render(<Picker />);
    fireEvent.click(radio('Time limit'));
    expect(radio('Time limit').getAttribute('aria-checked')).toBe('true');
    expect(radio('Time limit').className).toBe('ui-choice ui-choice--on');
    expect(radio('Stalled').getAttribute('aria-checked')).toBe('false');
    expect(radio('Stalled').className).toBe('ui-choice');
    expect(chosen().textContent).toBe('time-limit');
  });

  it('is one tab stop: the chosen option, or the first while none is chosen', () => {
    const { unmount } = render(<Picker />);
    expect(screen.getAllByRole('radio').map((option) => option.tabIndex)).toEqual([0, -1, -1]);
    unmount();
    render(<Picker initial="judge" />);
    expect(screen.getAllByRole('radio').map((option) => option.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('moves and chooses with the arrow keys, wrapping at both ends', () => {
    render(<Picker initial="judge" />);
    fireEvent.keyDown(radio('Judge stopped it'), { key: 'ArrowRight' });
    expect(chosen().textContent).toBe('stall');
    expect(document.activeElement).toBe(radio('Stalled'));
    fireEvent.keyDown(radio('Stalled'), { key: 'ArrowUp' });
    expect(chosen().textContent).toBe('judge');
    fireEvent.keyDown(radio('Judge stopped it'), { key: 'ArrowLeft' });
    expect(chosen().textContent).toBe('time-limit');
    expect(document.activeElement).toBe(radio('Time limit'));
  });

  it('uses the classes it is given for a differently laid-out group', () => {
    render(
      <ChoiceGroup
        label="Design"
        options={[1, 2].map((mark) => ({ value: mark, label: String(mark) }))}
        value={2}
        onChange={() => undefined}
        className="scale"
        optionClassName="scale__mark"
      />,
    );
    expect(screen.getByRole('radiogroup').className).toBe('scale');
    expect(radio('2').className).toBe('scale__mark scale__mark--on');
  });
});
