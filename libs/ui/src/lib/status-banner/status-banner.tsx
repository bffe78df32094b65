import type { ReactNode } from 'react';

export type BannerKind = 'info' | 'success' | 'loading' | 'offline' | 'error';

export interface StatusBannerProps {
  kind: BannerKind;
  children: ReactNode;
  /** A way out, e.g. a "Try again" button. */
  action?: ReactNode;
}

/**
 * A one-line state of the screen: loading, offline, an error or a notice. Errors are announced at
 * once (role="alert"); the rest politely (role="status").
 */
export function StatusBanner({ kind, children, action }: StatusBannerProps) {
  return (
    <div className={`ui-banner ui-banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' ? <span className="ui-spinner" aria-hidden="true" /> : null}
      <p className="ui-banner__text">{children}</p>
      {action}
    </div>
  );
}
