import type request from 'supertest';

/** A binary response body (PDF, XLSX, bundle) as a Buffer: pass to supertest's `.parse()`. */
export function binaryBody(
  res: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
