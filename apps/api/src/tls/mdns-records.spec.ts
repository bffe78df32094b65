import { answerQuery, venueRecords, type VenueMdnsState } from './mdns-records';

const state: VenueMdnsState = {
  hostname: 'olympiad',
  addresses: ['192.168.1.23', 'fd00::7'],
  httpPort: 3000,
  httpsPort: 3443,
};

describe('the venue mDNS records', () => {
  it('answers <name>.local with the IPv4 and IPv6 addresses, case-insensitively', () => {
    expect(answerQuery([{ name: 'OLYMPIAD.local', type: 'A' }], state)?.answers).toEqual([
      expect.objectContaining({ name: 'olympiad.local', type: 'A', data: '192.168.1.23' }),
    ]);
    expect(answerQuery([{ name: 'olympiad.local', type: 'AAAA' }], state)?.answers).toEqual([
      expect.objectContaining({ name: 'olympiad.local', type: 'AAAA', data: 'fd00::7' }),
    ]);
  });

  it('lists the HTTPS service with its port, name and addresses for a browsing client', () => {
    const answer = answerQuery([{ name: '_https._tcp.local', type: 'PTR' }], state);
    expect(answer?.answers).toEqual([
      expect.objectContaining({ type: 'PTR', data: 'Olympiad venue olympiad._https._tcp.local' }),
    ]);
    expect(answer?.additionals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'SRV',
          data: expect.objectContaining({ port: 3443, target: 'olympiad.local' }),
        }),
        expect.objectContaining({ type: 'A', data: '192.168.1.23' }),
      ]),
    );
  });

  it('has no HTTPS service with HTTPS off, and keeps the HTTP one', () => {
    const records = venueRecords({ ...state, httpsPort: null });
    expect(records.some((record) => record.name === '_https._tcp.local')).toBe(false);
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'SRV', data: expect.objectContaining({ port: 3000 }) }),
    );
  });

  it('stays silent for names that are not the venue', () => {
    expect(answerQuery([{ name: 'printer.local', type: 'A' }], state)).toBeNull();
  });
});
