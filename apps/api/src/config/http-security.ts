import type { HelmetOptions } from 'helmet';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The headers helmet puts on every answer (docs/security.md#headers-and-content-security-policy).
 * The policy is what the built apps need and nothing more: their own scripts and styles (React
 * sets inline styles, the Swagger page has a style block), images of their own, QR codes as data:
 * URLs and downloads as blob: URLs, and Socket.IO and MQTT over WebSocket to this server.
 */
export const SECURITY_HEADERS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  },
  // The venue serves the same apps over HTTP and HTTPS on two ports of one name: HSTS (kept per
  // host, whatever the port) would send a tablet's http://olympiad.local:3000 links to
  // https://olympiad.local:3000, where nothing answers TLS (docs/venue-network.md).
  strictTransportSecurity: false,
};

/** The names and ports by which this server is reached; read at each request (the ports are known once listening). */
export interface OwnAddresses {
  hostnames: () => string[];
  ports: () => number[];
}

/**
 * Whether a browser page from `origin` may read the API's answers: the server's own pages (same
 * host as the request, or one of the server's names on one of its ports) and the origins
 * CORS_ORIGINS names. Anything else gets no Access-Control-Allow-Origin, so the browser keeps the
 * answer from the page (docs/security.md#cors).
 */
export function originAllowed(
  origin: string | undefined,
  requestHost: string | undefined,
  own: OwnAddresses,
  extra: readonly string[],
): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (extra.includes(url.origin)) return true;
  if (requestHost && url.host === requestHost.toLowerCase()) return true;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return (
    own.ports().includes(port) && own.hostnames().some((name) => name.toLowerCase() === hostname)
  );
}

type CorsCallback = (error: Error | null, options: { origin: boolean }) => void;

/**
 * The `cors` package's per-request options, for Nest's enableCors and for Socket.IO's polling
 * transport (engine.io hands a function to the same package), so both follow one rule.
 */
export function corsDelegate(own: OwnAddresses, extra: readonly string[]) {
  return (request: { headers: IncomingHttpHeaders }, callback: CorsCallback): void => {
    const origin = request.headers.origin;
    callback(null, { origin: originAllowed(origin, request.headers.host, own, extra) });
  };
}
