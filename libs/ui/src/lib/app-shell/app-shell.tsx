import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../language/language-switcher';

export interface AppShellProps {
  title: string;
  subtitle?: string;
  /** Extra header content before the language switcher (connection badge, sign-out …). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of every screen: a header with the title and the language switcher, then the page. */
export function AppShell({ title, subtitle, actions, children }: AppShellProps) {
  return (
    <div className="ui-shell">
      <header className="ui-shell__header">
        <div className="ui-shell__titles">
          <h1 className="ui-shell__title">{title}</h1>
          {subtitle ? <p className="ui-shell__subtitle">{subtitle}</p> : null}
        </div>
        <div className="ui-shell__actions">
          {actions}
          <LanguageSwitcher />
        </div>
      </header>
      <main className="ui-shell__main">{children}</main>
    </div>
  );
}
