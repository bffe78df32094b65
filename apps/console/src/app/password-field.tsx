import { STAFF_PASSWORD_MIN_LENGTH } from '@olympiad/contracts';
import { TextField, useLanguage } from '@olympiad/ui';

/**
 * A password box. `showRule` puts the staff password rule under it, for a password
 * being chosen; `autoComplete` tells password managers whether to fill or to offer one.
 */
export function PasswordField({
  label,
  value,
  onChange,
  error,
  autoComplete,
  showRule = false,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null | undefined;
  autoComplete: 'current-password' | 'new-password';
  showRule?: boolean;
  hint?: string;
}) {
  const { t } = useLanguage();
  return (
    <TextField
      label={label}
      type="password"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={showRule ? t('console.account.passwordHint', { min: STAFF_PASSWORD_MIN_LENGTH }) : hint}
      error={error}
      autoComplete={autoComplete}
    />
  );
}
