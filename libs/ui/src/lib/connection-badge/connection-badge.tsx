import { useLanguage } from '../language/language-context';

export type ConnectionState = 'online' | 'connecting' | 'reconnecting' | 'offline';

const labelKey = {
  online: 'connection.online',
  connecting: 'connection.connecting',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
} as const;

export interface ConnectionBadgeProps {
  state: ConnectionState;
  /** Shows nothing while online: the discreet mark of a hall screen. */
  quietWhenOnline?: boolean;
}

/** A coloured dot and a word for the link to the server. */
export function ConnectionBadge({ state, quietWhenOnline = false }: ConnectionBadgeProps) {
  const { t } = useLanguage();
  if (quietWhenOnline && state === 'online') return null;
  return (
    <span className={`ui-connection ui-connection--${state}`} role="status" data-connection={state}>
      <span className="ui-connection__dot" aria-hidden="true" />
      {t(labelKey[state])}
    </span>
  );
}
