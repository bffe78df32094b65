import { render, screen } from '@testing-library/react';
import { TextField } from './text-field';

describe('TextField', () => {
  it('is found by its label and describes itself with hint and error', () => {
    render(
      <TextField label="Season" hint="For example 2025–2026" error="Required" defaultValue="" />,
    );
    const input = screen.getByLabelText('Season');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['For example 2025–2026', 'Required']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField label="Name" />);
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });
});
