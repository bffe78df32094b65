import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, publishLive } from '../support/venue-api';

// docs/performance.md#memory-per-viewer: what a venue needs only when asked (spreadsheets, PDF,
// the API document, Redis without REDIS_URL, the certificate writer) is loaded when asked, not at start: every replica
// and laptop would otherwise hold it for the whole day.
const ON_REQUEST = [
  'exceljs',
  'pdfkit',
  'ioredis',
  '@socket.io/redis-adapter',
  '@nest-lab/throttler-storage-redis',
  '@peculiar/x509',
];
const PRELOAD = path.resolve(__dirname, '..', 'support', 'loaded-modules.js');

async function loadedBy(
  work: (venue: Venue) => Promise<void>,
  dataDir?: string,
): Promise<Set<string>> {
  const venue = await startVenue({ dataDir, env: { NODE_OPTIONS: `--require ${PRELOAD}` } });
  const file = path.join(venue.dataDir, 'loaded-modules.txt');
  try {
    await work(venue);
    process.kill(venue.pid, 'SIGWINCH');
    // Written on the server's main thread: its next answer comes after it.
    await request(venue.url).get('/api/health/live').expect(200);
    return new Set(fs.readFileSync(file, 'utf8').split('\n'));
  } finally {
    await venue.stop();
  }
}

describe('modules loaded on request', () => {
  it('a venue serving a live stage loads no spreadsheet, PDF or Redis code; an export and a protocol load theirs', async () => {
    let categoryId = '';
    // A venue's first start writes its certificates (and so loads the certificate writer); the
    // day's restarts read them with node's own X509Certificate.
    const firstStart = await startVenue();
    await firstStart.stop();
    const idle = await loadedBy(async (venue) => {
      const organiser = await organiserToken(venue);
      const stage = await createMazeStage(venue, organiser, { teams: 4 });
      await publishLive(venue, organiser, stage);
      categoryId = stage.categoryId;
      await request(venue.url)
        .get(`/api/public/categories/${stage.categoryId}/standings`)
        .expect(200);
    }, firstStart.dataDir);
    expect(ON_REQUEST.filter((name) => idle.has(name))).toEqual([]);
    // What the probe sees: the framework, loaded at start.
    expect(idle.has('@nestjs/core')).toBe(true);

    const asked = await loadedBy(async (venue) => {
      const organiser = await organiserToken(venue);
      const stage = await createMazeStage(venue, organiser, { teams: 4 });
      const auth = { Authorization: `Bearer ${organiser}` };
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/results.xlsx`)
        .set(auth)
        .expect(200);
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
        .set(auth)
        .expect(200);
      const docs = await request(venue.url).get('/api/docs-json').expect(200);
      expect(Object.keys(docs.body.paths).length).toBeGreaterThan(10);
    });
    expect(categoryId).not.toBe('');
    expect(['exceljs', 'pdfkit'].filter((name) => asked.has(name))).toEqual(['exceljs', 'pdfkit']);
  });
});
