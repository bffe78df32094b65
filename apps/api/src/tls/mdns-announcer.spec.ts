import { Logger } from '@nestjs/common';
import * as dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config/app-config';
import { MdnsAnnouncer } from './mdns-announcer';

describe('MdnsAnnouncer', () => {
  it('logs a port it cannot bind and carries on, never throwing', async () => {
    // Another program holds the port alone (no address reuse), as a stray responder might hold 5353.
    const holder = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve) => holder.bind(0, '0.0.0.0', resolve));
    const port = (holder.address() as AddressInfo).port;
    const warned = new Promise<string>((resolve) =>
      jest
        .spyOn(Logger.prototype, 'warn')
        .mockImplementation((message) => resolve(String(message))),
    );
    const announcer = new MdnsAnnouncer(
      loadConfig({ VENUE_HOSTNAME: 'hall' }),
      () => ['192.168.1.23'],
      { port },
    );
    try {
      expect(() => announcer.start({ http: 3000, https: 3443 })).not.toThrow();
      expect(await warned).toMatch(/mDNS is off: .*EADDRINUSE.*hall\.local/);
    } finally {
      announcer.onApplicationShutdown();
      holder.close();
      jest.restoreAllMocks();
    }
  });

  it('opens no socket at all with MDNS=off', () => {
    const announcer = new MdnsAnnouncer(loadConfig({ MDNS: 'off' }), () => []);
    announcer.start({ http: 3000, https: null });
    expect(announcer.state()).toBeNull();
  });
});
