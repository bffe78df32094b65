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

describe('the Redis that replicas share (docs/deploy.md)', () => {
  it('is absent unless REDIS_URL names one, so a venue laptop runs as one process', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: ' ' }).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
  });

  it('refuses a URL that is not redis:// or rediss://, naming the variable', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('the load balancer to trust (TRUST_PROXY, docs/deploy.md)', () => {
  it('trusts no balancer unless TRUST_PROXY names one', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: ' ' }).trustProxy).toBeUndefined();
  });

  it('takes a hop count or addresses, subnets and named ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,loopback,fd00::1' }).trustProxy,
    ).toEqual(['10.0.0.5', '10.0.1.0/24', 'loopback', 'fd00::1']);
  });

  it('refuses what would trust every sender or is not an address, naming the variable', () => {
    for (const value of ['true', '0', 'balancer.local', '10.0.0.0/33', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('HTTPS on the venue LAN (docs/venue-network.md)', () => {
  it('serves the venue CA on 3443 as olympiad.local with mDNS, unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.https).toEqual({ kind: 'venue-ca', port: 3443 });
    expect(config.venueHostname).toBe('olympiad');
    expect(config.mdns).toBe(true);
    expect(loadConfig({ HTTPS: 'off', MDNS: 'off' })).toMatchObject({
      https: { kind: 'off' },
      mdns: false,
    });
  });

  it('takes a certificate the venue brought, with paths from the working folder', () => {
    expect(
      loadConfig(
        { TLS_CERT_FILE: 'tls/venue.crt', TLS_KEY_FILE: 'tls/venue.key', HTTPS_PORT: '8443' },
        '/srv/olympiad',
      ).https,
    ).toEqual({
      kind: 'own-certificate',
      port: 8443,
      certFile: '/srv/olympiad/tls/venue.crt',
      keyFile: '/srv/olympiad/tls/venue.key',
      caFile: undefined,
    });
  });

  it('refuses a certificate without its key', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: 'venue.crt' })).toThrow(
      /TLS_CERT_FILE and TLS_KEY_FILE go together/,
    );
  });

  it('takes the name with or without .local, and refuses one that is not a DNS label', () => {
    expect(loadConfig({ VENUE_HOSTNAME: 'Aktobe-Hall.local' }).venueHostname).toBe('aktobe-hall');
    expect(() => loadConfig({ VENUE_HOSTNAME: 'hall 2' })).toThrow(/VENUE_HOSTNAME/);
  });
});

describe('CORS_ORIGINS (docs/security.md#cors)', () => {
  it('is empty unless set, and keeps each origin as a browser sends it', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: ' https://Results.Olympiad.kz/ , http://192.168.1.20:8080' })
        .corsOrigins,
    ).toEqual(['https://results.olympiad.kz', 'http://192.168.1.20:8080']);
  });

  it('refuses what is not an origin, naming the variable', () => {
    for (const value of ['*', 'results.olympiad.kz', 'https://x.kz/path', 'ftp://x.kz']) {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('the live rooms beacon (docs/deploy.md#silent-rooms)', () => {
  it('is off on one venue laptop and every 15 s with REDIS_URL, unless LIVE_BEACON_MS says otherwise', () => {
    expect(loadConfig({}).liveBeaconMs).toBe(0);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).liveBeaconMs).toBe(15_000);
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379', LIVE_BEACON_MS: '0' }).liveBeaconMs).toBe(
      0,
    );
    expect(loadConfig({ LIVE_BEACON_MS: '1000' }).liveBeaconMs).toBe(1_000);
  });

  it('refuses an interval too short to be cheap, naming the variable', () => {
    expect(() => loadConfig({ LIVE_BEACON_MS: '50' })).toThrow(/LIVE_BEACON_MS/);
    expect(() => loadConfig({ LIVE_BEACON_MS: 'often' })).toThrow(/LIVE_BEACON_MS/);
  });
});

describe('the heap growth (docs/performance.md#memory-per-viewer)', () => {
  it('lets the old generation grow 30 % past what a full collection kept, unless HEAP_GROWING_PERCENT says otherwise', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(30);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '100' }).heapGrowingPercent).toBe(100);
  });

  it('refuses a value V8 would not take, naming the variable', () => {
    for (const value of ['-5', '401', '12.5', 'small']) {
      expect(() => loadConfig({ HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
    }
  });
});
