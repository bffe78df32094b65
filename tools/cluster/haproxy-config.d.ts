export interface HaproxyOptions {
  /** Loopback port to listen on. */
  port: number;
  /** The replicas' HTTP ports on 127.0.0.1. */
  replicas: number[];
  /** The UNIX socket for `show stat` (which replica is up). */
  statsSocket: string;
  /**
   * `roundrobin` spreads requests; `first` sends everything to the first replica that is up, so a
   * test knows which one holds a viewer.
   */
  balance?: 'roundrobin' | 'first';
}

export function haproxyConfig(options: HaproxyOptions): string;
