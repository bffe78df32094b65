import type { Answer, Question } from 'dns-packet';

/*
 * What the venue answers on the LAN by multicast DNS (docs/venue-network.md): `<name>.local` with
 * the laptop's addresses, and the apps as `_https._tcp` / `_http._tcp` services. Pure: the
 * announcer (mdns-announcer.ts) feeds it the current addresses and ports.
 */

export interface VenueMdnsState {
  /** Without `.local`, e.g. `olympiad`. */
  hostname: string;
  addresses: string[];
  httpPort: number;
  httpsPort: number | null;
}

const TTL_HOST = 120;
const TTL_SERVICE = 4500;
const SERVICE_TYPES = '_services._dns-sd._udp.local';

function instanceName(state: VenueMdnsState, service: string): string {
  return `Olympiad venue ${state.hostname}.${service}`;
}

/** Every record the venue owns, answers and additionals alike. */
export function venueRecords(state: VenueMdnsState): Answer[] {
  const host = `${state.hostname}.local`;
  const records: Answer[] = state.addresses.map((address) =>
    address.includes(':')
      ? { name: host, type: 'AAAA', ttl: TTL_HOST, flush: true, data: address }
      : { name: host, type: 'A', ttl: TTL_HOST, flush: true, data: address },
  );
  const services = [
    ...(state.httpsPort !== null ? [{ type: '_https._tcp.local', port: state.httpsPort }] : []),
    { type: '_http._tcp.local', port: state.httpPort },
  ];
  for (const service of services) {
    const instance = instanceName(state, service.type);
    records.push(
      { name: SERVICE_TYPES, type: 'PTR', ttl: TTL_SERVICE, data: service.type },
      { name: service.type, type: 'PTR', ttl: TTL_SERVICE, data: instance },
      {
        name: instance,
        type: 'SRV',
        ttl: TTL_HOST,
        flush: true,
        data: { port: service.port, target: host, priority: 0, weight: 0 },
      },
      { name: instance, type: 'TXT', ttl: TTL_SERVICE, flush: true, data: ['path=/judge/'] },
    );
  }
  return records;
}

/**
 * The answer to one query: records whose name and type were asked, plus (as additionals) what a
 * client needs next — the SRV/TXT of a listed service and the host's addresses. Null when nothing
 * asked is the venue's.
 */
export function answerQuery(
  questions: Question[],
  state: VenueMdnsState,
): { answers: Answer[]; additionals: Answer[] } | null {
  const all = venueRecords(state);
  const answers = all.filter((record) =>
    questions.some(
      (question) =>
        question.name.toLowerCase() === record.name.toLowerCase() &&
        (question.type === record.type || (question.type as string) === 'ANY'),
    ),
  );
  if (answers.length === 0) return null;
  const named = new Set(
    answers.flatMap((record) =>
      record.type === 'PTR' ? [record.data] : record.type === 'SRV' ? [record.data.target] : [],
    ),
  );
  const host = `${state.hostname}.local`;
  if (answers.some((record) => record.type === 'PTR' && record.name !== SERVICE_TYPES))
    named.add(host);
  const additionals = all.filter(
    (record) =>
      !answers.includes(record) && named.has(record.name) && record.name !== SERVICE_TYPES,
  );
  return { answers, additionals };
}
