import { type InputHTMLAttributes } from 'react';
import { LabelledField } from '../labelled-field/labelled-field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  /** A message shown under the field; marks it invalid for assistive technology too. */
  error?: string | null;
}

/** A labelled input with an optional hint and error, 48 px tall. */
export function TextField({ label, hint, error, className, ...inputProps }: TextFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...inputProps} {...control} />}
    </LabelledField>
  );
}
