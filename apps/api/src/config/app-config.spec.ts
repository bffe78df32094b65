import { ConfigError, loadConfig } from './app-config';

describe('the venue time zone', () => {
  it('is Asia/Almaty unless set', () => {
    expect(loadConfig({}).venueTimeZone).toBe('Asia/Almaty');
    expect(loadConfig({ VENUE_TIME_ZONE: '' }).venueTimeZone).toBe('Asia/Almaty');
  });

  it('takes any IANA zone', () => {
    expect(loadConfig({ VENUE_TIME_ZONE: 'Asia/Aqtobe' }).venueTimeZone).toBe('Asia/Aqtobe');
  });

  it('refuses a zone the runtime does not know, naming the variable', () => {
    expect(() => loadConfig({ VENUE_TIME_ZONE: 'Almaty' })).toThrow(ConfigError);
    expect(() => loadConfig({ VENUE_TIME_ZONE: 'Almaty' })).toThrow(/VENUE_TIME_ZONE/);
  });
});

describe('MQTT over TLS on the embedded broker', () => {
  it('listens on 8883 with HTTPS on, unless MQTT_TLS_PORT says otherwise', () => {
    expect(loadConfig({}).mqtt).toEqual({
      kind: 'embedded',
      port: 1883,
      host: '0.0.0.0',
      tlsPort: 8883,
    });
    expect(loadConfig({ MQTT_TLS_PORT: '0' }).mqtt).toMatchObject({ tlsPort: 0 });
  });

  it('is off with MQTT_TLS=off, with HTTPS=off (no certificate) and with an external broker', () => {
    expect(loadConfig({ MQTT_TLS: 'off' }).mqtt).not.toHaveProperty('tlsPort');
    expect(loadConfig({ HTTPS: 'off' }).mqtt).not.toHaveProperty('tlsPort');
    expect(loadConfig({ MQTT_URL: 'mqtt://broker:1883' }).mqtt).not.toHaveProperty('tlsPort');
  });
});
