export interface HaproxyOptions {
  /** Port to listen on. */
  port: number;
  /** Address to listen on: loopback unless given (`*` for every address, in a container). */
  listenHost?: string;
  /** The replicas: an HTTP port on 127.0.0.1, or `host:port`. */
  replicas: (number | string)[];
  /** The UNIX socket for `show stat` (which replica is up); none unless given. */
  statsSocket?: string;
  /**
   * A DNS server to look the replicas' names up again while running (Docker's `127.0.0.11:53`),
   * so a replica's container that comes back with another address is found.
   */
  resolver?: string;
  /**
   * `roundrobin` spreads requests; `first` sends everything to the first replica that is up, so a
   * test knows which one holds a viewer.
   */
  balance?: 'roundrobin' | 'first';
  /**
   * How long a health check may take (`timeout check`, e.g. `2s`); unset, `inter` (200 ms), so a
   * replica whose event loop stalls longer twice in a row is taken out (docs/performance.md#replicas).
   */
  checkTimeout?: string;
}

export function haproxyConfig(options: HaproxyOptions): string;
