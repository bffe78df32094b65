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
