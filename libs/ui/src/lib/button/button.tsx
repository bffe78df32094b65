import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** 72 px tall instead of 48 px, for the main action of a touch screen. */
  large?: boolean;
  /** Full width of its container. */
  block?: boolean;
  /** Shows a spinner and ignores taps while an action runs. */
  busy?: boolean;
}

/** A button at least 48 × 48 px; `type="button"` unless told otherwise, so it never submits by accident. */
export function Button({
  variant = 'primary',
  large = false,
  block = false,
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'ui-button',
    `ui-button--${variant}`,
    large ? 'ui-button--large' : '',
    block ? 'ui-button--block' : '',
    className ?? '',
  ].filter(Boolean);
  return (
    <button
      {...rest}
      type={type}
      className={classes.join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="ui-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
