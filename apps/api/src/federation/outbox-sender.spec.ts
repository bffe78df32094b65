import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nextRetryDelay, postBatch } from './outbox-sender.service';

/** A real HTTP server that answers every request with `status` and `body`. */
async function answering(status: number, body: object): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the batch was expected to fail');
    },
    (error: unknown) => error,
  );

/** docs/federation.md, "Store and forward": how soon the venue tries again after a failed batch. */
describe('the venue retrying a batch', () => {
  it('waits up to a minute when the republic refuses it, since it would only refuse it again', async () => {
    const { server, url } = await answering(403, {
      key: 'federation.foreignKey',
      message: 'signed by another venue',
    });
    try {
      const error = await failureOf(postBatch(`${url}/batches`, Buffer.from('batch')));
      expect(String(error)).toContain('403 federation.foreignKey');
      expect(nextRetryDelay(undefined, error)).toBe(500);
      expect(nextRetryDelay(16_000, error)).toBe(32_000);
      expect(nextRetryDelay(32_000, error)).toBe(60_000);
    } finally {
      server.close();
    }
  });

  it('tries again within seconds when the republic fails for its own reasons', async () => {
    const { server, url } = await answering(503, { message: 'restarting' });
    try {
      const error = await failureOf(postBatch(`${url}/batches`, Buffer.from('batch')));
      expect(nextRetryDelay(32_000, error)).toBe(2_000);
    } finally {
      server.close();
    }
  });

  it('tries again within seconds when the republic cannot be reached', async () => {
    const { server, url } = await answering(200, {});
    await new Promise((resolve) => server.close(resolve));
    const error = await failureOf(postBatch(`${url}/batches`, Buffer.from('batch')));
    expect(nextRetryDelay(undefined, error)).toBe(500);
    expect(nextRetryDelay(32_000, error)).toBe(2_000);
  });
});
