import type { StandingsSnapshot } from '@olympiad/contracts';
import { KeyedQueue } from '../common/keyed-queue';
import { JoinStandings } from './join-standings';

const CATEGORY = '7c0c2f1e-0000-4000-8000-0000000000c1';

/** A category whose standings a test moves on; counts the reads. */
class Category {
  version = 1;
  published = true;
  reads = 0;
  /** While set, a read waits for it: the test acts while the read is in progress. */
  hold?: Promise<void>;

  async read(): Promise<StandingsSnapshot> {
    this.reads += 1;
    const version = this.version;
    await this.hold;
    return {
      categoryId: CATEGORY,
      version,
      published: this.published,
      standings: {
        rows: [
          {
            teamId: 't1',
            place: 1,
            status: 'ranked',
            result: { kind: 'time', ms: 1000 * version },
            detail: { attempts: [version] },
          },
        ],
      },
      teams: { t1: { name: 'Команда 1', school: 'Школа' } },
    } as unknown as StandingsSnapshot;
  }

  get now() {
    return { standingsVersion: this.version, published: this.published };
  }
}

function setUp() {
  const category = new Category();
  const lane = new KeyedQueue();
  const answers = new JoinStandings(
    () => category.read(),
    (read) => lane.run('snapshot', read),
  );
  return { category, answers };
}

describe('JoinStandings', () => {
  it('reads and encodes a version once for every join at that version, for each audience', async () => {
    const { category, answers } = setUp();
    const first = await Promise.all(
      Array.from({ length: 1000 }, () => answers.json(CATEGORY, false, category.now)),
    );
    const later = await answers.json(CATEGORY, false, category.now);
    expect(category.reads).toBe(1);
    expect(new Set([...first, later]).size).toBe(1);
    expect(JSON.parse(later)).toMatchObject({ version: 1, standings: { rows: [{ detail: {} }] } });

    const staff = JSON.parse(await answers.json(CATEGORY, true, category.now));
    expect(staff.standings.rows[0].detail).toEqual({ attempts: [1] });
    expect(category.reads).toBe(2);
  });

  it('reads again once the version or the publication moved', async () => {
    const { category, answers } = setUp();
    await answers.json(CATEGORY, false, category.now);
    category.version = 2;
    expect(JSON.parse(await answers.json(CATEGORY, false, category.now)).version).toBe(2);
    category.published = false;
    expect(JSON.parse(await answers.json(CATEGORY, false, category.now)).published).toBe(false);
    expect(category.reads).toBe(3);
  });

  it('never hands a join a read that started before it asked: that read may miss what the room sent before the join', async () => {
    const { category, answers } = setUp();
    let release!: () => void;
    category.hold = new Promise((resolve) => (release = resolve));
    const early = answers.json(CATEGORY, false, category.now);
    await Promise.resolve();
    await Promise.resolve();
    expect(category.reads).toBe(1);
    // The version moves while the first read is under way; these joins ask after that.
    category.version = 2;
    const late = Promise.all([1, 2, 3].map(() => answers.json(CATEGORY, false, category.now)));
    category.hold = undefined;
    release();
    expect(JSON.parse(await early).version).toBe(1);
    expect((await late).map((json) => JSON.parse(json).version)).toEqual([2, 2, 2]);
    expect(category.reads).toBe(2);
  });

  it('keeps no failed read: the next join reads again', async () => {
    const { category, answers } = setUp();
    category.hold = Promise.reject(new Error('database away'));
    await expect(answers.json(CATEGORY, false, category.now)).rejects.toThrow('database away');
    category.hold = undefined;
    expect(JSON.parse(await answers.json(CATEGORY, false, category.now)).version).toBe(1);
    expect(category.reads).toBe(2);
  });
});
