import { bridgeConfigSchema } from '@olympiad/contracts';
import { bridgeConfigOf, deviceBrokerTls, deviceBrokerUrl } from './bridge-config';

describe('the bridge configuration of a registered device', () => {
  it('points at the embedded broker on the address the organiser reached the venue by', () => {
    const embedded = { kind: 'embedded' as const, port: 1883, host: '0.0.0.0' };
    expect(deviceBrokerUrl(embedded, undefined, '192.168.1.10')).toBe('mqtt://192.168.1.10:1883');
    // MQTT_PORT=0 (tests): the port the broker really listens on.
    expect(deviceBrokerUrl(embedded, 40123, '127.0.0.1')).toBe('mqtt://127.0.0.1:40123');
    expect(deviceBrokerUrl(embedded, 1883, 'fe80::1')).toBe('mqtt://[fe80::1]:1883');
  });

  it('gives an external broker without its credentials, a loopback host replaced by the venue address', () => {
    const external = (url: string) => ({ kind: 'external' as const, url });
    expect(
      deviceBrokerUrl(external('mqtt://server:pw@localhost:1883'), undefined, 'venue.local'),
    ).toBe('mqtt://venue.local:1883');
    expect(
      deviceBrokerUrl(external('mqtts://broker.example.kz:8883'), undefined, 'venue.local'),
    ).toBe('mqtts://broker.example.kz:8883');
  });

  it('is exactly the shape the bridge CLI reads', () => {
    const config = bridgeConfigOf(
      'maze-gate-1',
      'a-secret-of-20-chars',
      'mqtt://192.168.1.10:1883',
    );
    expect(config).toEqual({
      mqttUrl: 'mqtt://192.168.1.10:1883',
      deviceId: 'maze-gate-1',
      username: 'maze-gate-1',
      password: 'a-secret-of-20-chars',
    });
    expect(bridgeConfigSchema.parse(config)).toEqual(config);
  });

  it('adds the broker over TLS on the same host, and the venue CA fingerprint, when the broker listens there', () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) =>
      i.toString(16).padStart(2, '0').toUpperCase(),
    ).join(':');
    const tls = deviceBrokerTls({ port: 8883, caFingerprintSha256: fingerprint }, 'olympiad.local');
    expect(tls).toEqual({
      mqttsUrl: 'mqtts://olympiad.local:8883',
      caFingerprintSha256: fingerprint,
    });
    expect(deviceBrokerTls({ port: 8883 }, 'fe80::1')).toEqual({
      mqttsUrl: 'mqtts://[fe80::1]:8883',
    });
    const config = bridgeConfigOf(
      'maze-gate-1',
      'a-secret-of-20-chars',
      'mqtt://olympiad.local:1883',
      tls,
    );
    expect(config).toEqual({
      mqttUrl: 'mqtt://olympiad.local:1883',
      deviceId: 'maze-gate-1',
      username: 'maze-gate-1',
      password: 'a-secret-of-20-chars',
      mqttsUrl: 'mqtts://olympiad.local:8883',
      caFingerprintSha256: fingerprint,
    });
    expect(bridgeConfigSchema.parse(config)).toEqual(config);
  });
});
