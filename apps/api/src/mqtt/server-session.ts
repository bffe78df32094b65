import { mqttTopics } from '@olympiad/contracts';
import { hostname } from 'node:os';
import type { AppConfig } from '../config/app-config';

type ExternalBroker = Extract<AppConfig['mqtt'], { kind: 'external' }>;

/** How the server's own client meets an external broker: its id, session and subscriptions. */
export interface ServerSession {
  clientId: string;
  /** False: the broker keeps the session (and queues messages) while the server is away. */
  clean: boolean;
  topics: string[];
}

/**
 * Alone, the server keeps a persistent session under a stable id, so events published while it
 * restarts wait in the broker. With a share group (docs/deploy.md#sensors-with-several-replicas)
 * the replicas subscribe through `$share/<group>/…` so each message reaches one of them, and their
 * sessions are clean: Mosquitto keeps handing a disconnected persistent member its turn, so a
 * stopped replica would hold part of every device's events until it came back. A clean session
 * also drops the plain subscriptions an earlier persistent session of the same id still had,
 * which would otherwise deliver every message to it a second time.
 */
export function serverSession(mqtt: ExternalBroker): ServerSession {
  const plain = [mqttTopics.allEvents, mqttTopics.allStatus];
  if (!mqtt.shareGroup) {
    return { clientId: mqtt.clientId ?? `olympiad-api-${hostname()}`, clean: false, topics: plain };
  }
  const group = mqtt.shareGroup;
  return {
    // Replicas on one host must not share an id (the broker would disconnect one for the other).
    clientId: mqtt.clientId ?? `olympiad-api-${hostname()}-${process.pid}`,
    clean: true,
    topics: plain.map((topic) => `$share/${group}/${topic}`),
  };
}
