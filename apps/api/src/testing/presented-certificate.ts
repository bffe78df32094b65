import * as tls from 'node:tls';

/**
 * The names in the certificate a TLS server on `port` presents to a client asking for `servername`,
 * right now, over a real handshake.
 */
export function presentedCertificateNames(
  port: number,
  ca: string,
  servername: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, servername }, () => {
      resolve(socket.getPeerCertificate().subjectaltname ?? '');
      socket.end();
    });
    socket.on('error', reject);
  });
}
