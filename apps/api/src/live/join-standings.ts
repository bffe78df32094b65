import type { StandingsSnapshot } from '@olympiad/contracts';
import { publicSnapshot } from './public-rows';

/** What of a category says whether a kept join answer still shows it as it is now. */
export interface CategoryVersion {
  standingsVersion: number;
  published: boolean;
}

interface Encoded {
  version: number;
  published: boolean;
  json: string;
}

/**
 * The standings a category join answers with, in JSON, by category and audience, read and encoded
 * once per standings version (docs/performance.md#memory-per-viewer): a join storm (thousands of
 * screens back after a Wi-Fi drop) would otherwise read and encode the same snapshot once per
 * viewer. The caller reads the category's version once its socket is in the room, so an answer
 * kept for that version misses nothing the room has not sent it yet; a read is shared only by the
 * joins that asked before it started, for the same reason.
 */
export class JoinStandings {
  private readonly kept = new Map<string, Encoded>();
  private readonly waiting = new Map<string, Promise<Encoded>>();

  constructor(
    private readonly read: (categoryId: string) => Promise<StandingsSnapshot>,
    /** Runs a read when the reads before it are done (snapshots take turns on SQLite). */
    private readonly schedule: (read: () => Promise<Encoded>) => Promise<Encoded>,
  ) {}

  async json(categoryId: string, staff: boolean, now: CategoryVersion): Promise<string> {
    const key = `${categoryId}:${staff ? 'staff' : 'public'}`;
    const kept = this.kept.get(key);
    if (kept && kept.version === now.standingsVersion && kept.published === now.published)
      return kept.json;
    const encoded = await this.nextRead(key, categoryId, staff);
    if ((this.kept.get(key)?.version ?? -1) <= encoded.version) this.kept.set(key, encoded);
    return encoded.json;
  }

  private nextRead(key: string, categoryId: string, staff: boolean): Promise<Encoded> {
    const queued = this.waiting.get(key);
    if (queued) return queued;
    const next = this.schedule(async () => {
      this.waiting.delete(key);
      const snapshot = await this.read(categoryId);
      return {
        version: snapshot.version,
        published: snapshot.published,
        json: JSON.stringify(staff ? snapshot : publicSnapshot(snapshot)),
      };
    });
    this.waiting.set(key, next);
    return next;
  }
}
