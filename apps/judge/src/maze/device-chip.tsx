import { useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import type { FieldLive } from './use-field-run';

/**
 * Online, offline, none, or unknown: the field's controller as seen through the field's live link.
 * Without that link (tablet offline, socket down) the tablet cannot know, so it never says
 * "connected" from what it heard last.
 */
export function DeviceChip({ live, fieldId }: { live: FieldLive; fieldId: string }) {
  const { t } = useLanguage();
  const { online } = useJudge();
  if (!online || !live.connected) {
    return <span className="chip chip--off">{t('judge.maze.deviceUnknown')}</span>;
  }
  const device = live.devices.find((d) => d.fieldId === fieldId) ?? live.devices[0];
  if (!device) return <span className="chip chip--off">{t('judge.maze.noDevice')}</span>;
  return device.online ? (
    <span className="chip chip--ok">{t('judge.maze.deviceOnline')}</span>
  ) : (
    <span className="chip chip--off">{t('judge.maze.deviceOffline')}</span>
  );
}
