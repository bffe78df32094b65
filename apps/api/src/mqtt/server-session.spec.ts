import { ConfigError, loadConfig } from '../config/app-config';
import { serverSession } from './server-session';

const BROKER = { MQTT_URL: 'mqtt://broker.lan:1883' };
const POSTGRES = { DATABASE_URL: 'postgres://olympiad@db.lan/olympiad' };

function sessionOf(env: NodeJS.ProcessEnv) {
  const mqtt = loadConfig(env).mqtt;
  if (mqtt.kind !== 'external') throw new Error('expected an external broker');
  return serverSession(mqtt);
}

describe("the server's session on an external broker", () => {
  it('on SQLite (one process) is persistent, under a stable id, with plain subscriptions', () => {
    const session = sessionOf(BROKER);
    expect(session).toMatchObject({
      clean: false,
      topics: ['olympiad/v1/dev/+/event', 'olympiad/v1/dev/+/status'],
    });
    expect(session.clientId).toBe(sessionOf(BROKER).clientId);
    expect(session.clientId).not.toContain(String(process.pid));
  });

  it('on PostgreSQL shares the messages in the olympiad-api group, clean, with an id per process', () => {
    const session = sessionOf({ ...BROKER, ...POSTGRES });
    expect(session).toMatchObject({
      clean: true,
      topics: [
        '$share/olympiad-api/olympiad/v1/dev/+/event',
        '$share/olympiad-api/olympiad/v1/dev/+/status',
      ],
    });
    expect(session.clientId).toContain(String(process.pid));
  });

  it('takes MQTT_SHARE_GROUP as the group, and MQTT_CLIENT_ID as the id', () => {
    const session = sessionOf({
      ...BROKER,
      MQTT_SHARE_GROUP: 'final-2027',
      MQTT_CLIENT_ID: 'replica-a',
    });
    expect(session).toMatchObject({ clientId: 'replica-a', clean: true });
    expect(session.topics).toEqual([
      '$share/final-2027/olympiad/v1/dev/+/event',
      '$share/final-2027/olympiad/v1/dev/+/status',
    ]);
  });

  it('with MQTT_SHARE_GROUP=off is the persistent plain session, PostgreSQL or not', () => {
    expect(sessionOf({ ...BROKER, ...POSTGRES, MQTT_SHARE_GROUP: 'off' })).toMatchObject({
      clean: false,
      topics: ['olympiad/v1/dev/+/event', 'olympiad/v1/dev/+/status'],
    });
  });

  it('refuses a group name that is not one topic level', () => {
    expect(() => loadConfig({ ...BROKER, MQTT_SHARE_GROUP: 'a/b' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BROKER, MQTT_SHARE_GROUP: '+' })).toThrow(/MQTT_SHARE_GROUP/);
  });
});
