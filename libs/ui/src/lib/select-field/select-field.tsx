import { type SelectHTMLAttributes } from 'react';
import { LabelledField } from '../labelled-field/labelled-field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'value' | 'onChange' | 'children'
> {
  label: string;
  options: readonly SelectOption<V>[];
  value: V;
  onChange: (value: V) => void;
  hint?: string;
  /** A message shown under the field; marks it invalid for assistive technology too. */
  error?: string | null;
}

/** A labelled drop-down list with an optional hint and error, as tall as a TextField. */
export function SelectField<V extends string>({
  label,
  options,
  value,
  onChange,
  hint,
  error,
  className,
  ...selectProps
}: SelectFieldProps<V>) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select
          {...selectProps}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as V)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
