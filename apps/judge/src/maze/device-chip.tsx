import { useLanguage } from '@olympiad/ui';
import type { FieldLive } from './use-field-run';

/** Online, offline or none: the field's sensor controller as seen through the field's live link. */
export function DeviceChip({ live, fieldId }: { live: FieldLive; fieldId: string }) {
  const { t } = useLanguage();
  const device = live.devices.find((d) => d.fieldId === fieldId) ?? live.devices[0];
  const online = live.connected && device?.online === true;
  return (
    <span className={`chip ${online ? 'chip--ok' : 'chip--off'}`}>
      {!device
        ? t('judge.maze.noDevice')
        : online
          ? t('judge.maze.deviceOnline')
          : t('judge.maze.deviceOffline')}
    </span>
  );
}
