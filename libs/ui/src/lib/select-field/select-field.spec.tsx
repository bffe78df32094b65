import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SelectField } from './select-field';

const DESIGNS = [
  { value: 'classic', label: 'Classic' },
  { value: 'modern', label: 'Modern' },
] as const;

function Picker({ onChange }: { onChange: (value: 'classic' | 'modern') => void }) {
  const [design, setDesign] = useState<'classic' | 'modern'>('classic');
  return (
    <SelectField
      label="Design"
      options={DESIGNS}
      value={design}
      onChange={(value) => {
        setDesign(value);
        onChange(value);
      }}
    />
  );
}

describe('SelectField', () => {
  it('is found by its label, lists its options and hands back the chosen value', () => {
    const chosen: string[] = [];
    render(<Picker onChange={(value) => chosen.push(value)} />);
    const select = screen.getByRole('combobox', { name: 'Design' }) as HTMLSelectElement;
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Classic',
      'Modern',
    ]);
    expect(select.value).toBe('classic');

    fireEvent.change(select, { target: { value: 'modern' } });
    expect(chosen).toEqual(['modern']);
    expect(select.value).toBe('modern');
  });

  it('describes itself with hint and error and is marked invalid only with an error', () => {
    const { rerender } = render(
      <SelectField
        label="Region"
        options={[{ value: '', label: 'Pick a region' }]}
        value=""
        onChange={() => undefined}
        hint="Where the stage is held"
        error="Required"
      />,
    );
    const select = screen.getByLabelText('Region');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (select.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual([
      'Where the stage is held',
      'Required',
    ]);

    rerender(
      <SelectField label="Region" options={[]} value="" onChange={() => undefined} error={null} />,
    );
    expect(screen.getByLabelText('Region').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Region').getAttribute('aria-describedby')).toBeNull();
  });

  it('each field has its own id, so two on one page keep their labels apart', () => {
    render(
      <>
        <SelectField
          label="Kind"
          options={[{ value: 'a', label: 'A' }]}
          value="a"
          onChange={() => undefined}
        />
        <SelectField
          label="Design"
          options={[{ value: 'b', label: 'B' }]}
          value="b"
          onChange={() => undefined}
        />
      </>,
    );
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('a');
    expect((screen.getByLabelText('Design') as HTMLSelectElement).value).toBe('b');
  });
});
