import * as tls from 'node:tls';
import type { VenueTlsService } from '../tls/venue-tls.service';

/**
 * MQTT over TLS (docs/venue-network.md): the broker's connection handler behind a TLS listener with
 * the HTTPS port's certificate, which takes each certificate the venue CA re-issues without a
 * restart, as the HTTPS port does. Undefined when HTTPS is off (no certificate to serve).
 */
export async function listenMqttOverTls(
  handle: (socket: tls.TLSSocket) => void,
  venueTls: VenueTlsService,
  port: number,
  host: string,
): Promise<tls.Server | undefined> {
  const options = venueTls.serverOptions();
  if (!options) return undefined;
  const server = tls.createServer(options, handle);
  venueTls.onRenewed((renewed) => server.setSecureContext(renewed));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
