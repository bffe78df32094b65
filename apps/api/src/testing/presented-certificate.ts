import * as tls from 'node:tls';

/** The names in the certificate a TLS server on `port` presents right now, over a real handshake. */
export function presentedCertificateNames(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: '127.0.0.1', port, ca, servername: 'olympiad.local' },
      () => {
        resolve(socket.getPeerCertificate().subjectaltname ?? '');
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}
