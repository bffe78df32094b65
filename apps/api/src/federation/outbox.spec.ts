import { randomUUID } from 'node:crypto';
import { LedgerQuery } from '../ledger/ledger.query';
import { appendLedgerEntry } from '../ledger/ledger-statements';
import { describeOnEachDatabase } from '../testing/each-database';
import type { TempDatabase } from '../testing/temp-database';
import { FederationAckEntity } from './federation-ack.entity';
import { Outbox } from './outbox';
import type { StageRowsReader } from './stage-rows';

describeOnEachDatabase('the venue outbox on %s', (_name, open) => {
  let db: TempDatabase;
  let outbox: Outbox;
  beforeAll(async () => {
    db = await open();
    // Only the waiting entries are asked here, never a snapshot of the stage's other rows.
    outbox = new Outbox(new LedgerQuery(db.dataSource), {} as StageRowsReader);
  });
  afterAll(() => db.close());

  async function entry(stageId: string): Promise<string> {
    const id = randomUUID();
    await appendLedgerEntry(db.dataSource.manager, {
      seq: 0,
      id,
      stageId,
      categoryId: 'c',
      teamId: null,
      kind: 'maze.attempt',
      payload: {},
      supersedes: null,
      reason: null,
      authorId: 'j',
      authorRole: 'judge',
      deviceId: null,
      recordedAt: 'now',
      awaitsConfirmation: false,
      receivedAt: 'now',
    });
    return id;
  }

  it('keeps an entry waiting until its own id is acknowledged, whatever was acknowledged after it', async () => {
    const stageId = randomUUID();
    const [first, second, third] = [
      await entry(stageId),
      await entry(stageId),
      await entry(stageId),
    ];
    const otherStage = await entry(randomUUID());
    // The republic acknowledged the later two (as when the first became visible late on PostgreSQL).
    await db.dataSource.manager.insert(FederationAckEntity, [
      { entryId: second, stageId, ackedAt: 'now' },
      { entryId: third, stageId, ackedAt: 'now' },
    ]);
    const waiting = await outbox.pendingEntries(stageId, 10);
    expect(waiting.map((row) => row.id)).toEqual([first]);
    expect(await outbox.pendingEntryCount(stageId)).toBe(1);
    expect(waiting.map((row) => row.id)).not.toContain(otherStage);
  });

  it('gives the oldest first, at most the batch size', async () => {
    const stageId = randomUUID();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await entry(stageId));
    expect((await outbox.pendingEntries(stageId, 3)).map((row) => row.id)).toEqual(ids.slice(0, 3));
    expect(await outbox.pendingEntryCount(stageId)).toBe(5);
  });
});
