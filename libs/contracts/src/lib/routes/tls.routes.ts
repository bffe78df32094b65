import { fileRoute, jsonRoute } from './route';
import { venueTlsInfoSchema } from '../tls';

/** How a tablet reaches the venue over HTTPS, and the venue CA it installs to trust it (public). */
export const tlsRoutes = {
  info: jsonRoute({ method: 'GET', path: '/api/tls', response: venueTlsInfoSchema }),
  /** DER, the form Android, iPadOS, Windows and ChromeOS all import from a download. */
  caCrt: fileRoute({ path: '/api/tls/ca.crt', contentType: 'application/x-x509-ca-cert' }),
  caPem: fileRoute({ path: '/api/tls/ca.pem', contentType: 'application/x-pem-file' }),
};
