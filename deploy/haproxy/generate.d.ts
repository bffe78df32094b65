/** The API services of deploy/compose.yaml as HAProxy reaches them (`host:port`). */
export const REPLICAS: string[];

/** deploy/haproxy/haproxy.cfg as it must read. */
export function composeHaproxyConfig(): string;
