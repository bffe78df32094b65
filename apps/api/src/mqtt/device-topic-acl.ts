import { MQTT_TOPIC_ROOT } from '@olympiad/contracts';

/** The server's own MQTT user on the embedded broker; devices authenticate as themselves. */
export const SERVER_MQTT_USER = 'olympiad-server';

/** A device may publish only its own event and status topics. */
export function mayPublish(deviceId: string, topic: string): boolean {
  return topic === `${MQTT_TOPIC_ROOT}/${deviceId}/event` || topic === `${MQTT_TOPIC_ROOT}/${deviceId}/status`;
}

/** A device may subscribe only to its own command topic. */
export function maySubscribe(deviceId: string, topic: string): boolean {
  return topic === `${MQTT_TOPIC_ROOT}/${deviceId}/cmd`;
}
