import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { routePath, routes, type SyncOutcome } from '@olympiad/contracts';
import { DataSource, IsNull, Not } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FederationAckEntity } from './federation-ack.entity';
import { FederationService } from './federation.service';
import { digestOf, Outbox } from './outbox';
import { RepublicLinkEntity } from './republic-link.entity';
import { RepublicLinkService } from './republic-link.service';
import { buildStageBundle, encodeBundle } from './stage-bundle';
import { bundleLedgerEntry } from './stage-rows';

/** With nothing to send, the venue still says it is alive this often ("no news for N minutes"). */
const HEARTBEAT_MS = 30_000;
/** A batch of 1,000 entries is about 70 KB: seconds even at 256 kbit/s. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * Retry ceilings. A link that is down costs nothing to try (the connection fails at once), so the
 * venue tries again within seconds of it coming back; a republic that answers with a refusal would
 * only refuse the same batch again, so it is asked rarely, not every few seconds over a thin link.
 */
const MAX_BACKOFF_MS = { unreachable: 2_000, refused: 60_000 };

class RefusedByRepublic extends Error {}

/**
 * On the venue: sends what the republic has not acknowledged, whenever it can be reached
 * (docs/federation.md, "Store and forward"). Every batch is safe to send again, so a dropped
 * answer, a killed process or days offline only mean sending again later.
 */
@Injectable()
export class OutboxSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Federation');
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private running?: Promise<void>;
  private readonly retryAt = new Map<string, { at: number; delay: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly federation: FederationService,
    private readonly links: RepublicLinkService,
    private readonly outbox: Outbox,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** The console's "send now": forgets the back-off so the next turn tries at once. */
  sendSoon(stageId: string): void {
    this.retryAt.delete(stageId);
    if (!this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.turn().finally(() => (this.running = undefined));
    }, ms);
    this.timer.unref();
  }

  private async turn(): Promise<void> {
    let more = false;
    try {
      const links = await this.dataSource.manager.findBy(RepublicLinkEntity, {
        republicUrl: Not(IsNull()),
      });
      for (const link of links) {
        if (this.stopped) return;
        const retry = this.retryAt.get(link.stageId);
        if (retry && retry.at > Date.now()) continue;
        more = (await this.sendOnce(link)) || more;
      }
    } catch (error) {
      this.logger.warn(`Outbox turn failed: ${(error as Error).message}`);
    } finally {
      this.schedule(more ? 0 : this.config.federation.tickMs);
    }
  }

  /** One batch for one stage; true when more is waiting right away. */
  private async sendOnce(link: RepublicLinkEntity): Promise<boolean> {
    const manager = this.dataSource.manager;
    const stageId = link.stageId;
    const now = new Date();
    if (!link.claimed && link.claimSecret) await this.tryClaim(link);

    // Entries first, then the rest of the stage: every team or category an entry names is then in
    // the snapshot, so a snapshot that has not changed since it was acknowledged covers them.
    const entries = await this.outbox.pendingEntries(
      stageId,
      this.config.federation.batchEntries,
      manager,
    );
    const waiting = await this.outbox.pendingEntryCount(stageId, manager);
    const snapshot = await this.outbox.stageSnapshot(stageId, manager);
    const digest = digestOf(snapshot);
    const withSnapshot = digest !== link.ackedSnapshotHash;
    const quietFor = now.getTime() - Date.parse(link.lastAckAt ?? '1970-01-01T00:00:00Z');
    if (entries.length === 0 && !withSnapshot && quietFor < HEARTBEAT_MS && !link.lastError)
      return false;

    const snapshotNo = withSnapshot ? link.snapshotNo + 1 : link.snapshotNo;
    if (withSnapshot) await manager.update(RepublicLinkEntity, { stageId }, { snapshotNo });
    const key = this.federation.venueKey();
    const bundle = buildStageBundle(
      withSnapshot
        ? { ...snapshot, ledger: entries.map(bundleLedgerEntry) }
        : {
            ...snapshot,
            categories: [],
            schools: [],
            teams: [],
            judges: [],
            qualification: [],
            ledger: entries.map(bundleLedgerEntry),
          },
      key.publicKeyText,
      now,
      {
        snapshotNo,
        snapshot: withSnapshot,
        complete: false,
        pendingAfter: waiting - entries.length,
        claimSecret: null,
      },
    );

    let outcome: SyncOutcome;
    try {
      outcome = await postBatch(
        `${link.republicUrl}${routePath(routes.federation.batch, { params: { stageId } })}`,
        encodeBundle(bundle, key.privateKey),
      );
    } catch (error) {
      const delay = nextRetryDelay(this.retryAt.get(stageId)?.delay, error);
      this.retryAt.set(stageId, { at: Date.now() + delay, delay });
      await manager.update(
        RepublicLinkEntity,
        { stageId },
        { lastAttemptAt: now.toISOString(), lastError: describeFailure(error).slice(0, 500) },
      );
      return false;
    }
    this.retryAt.delete(stageId);

    const sent = new Set(entries.map((entry) => entry.id));
    const acked = outcome.acknowledged.filter((id) => sent.has(id));
    await this.dataSource.transaction(async (tx) => {
      for (let start = 0; start < acked.length; start += 500) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(FederationAckEntity)
          .values(
            acked
              .slice(start, start + 500)
              .map((entryId) => ({ entryId, stageId, ackedAt: now.toISOString() })),
          )
          .orIgnore()
          .execute();
      }
      await tx.update(
        RepublicLinkEntity,
        { stageId },
        {
          claimed: true,
          claimSecret: null,
          lastAttemptAt: now.toISOString(),
          lastAckAt: new Date().toISOString(),
          lastError: null,
          conflicts: outcome.conflictsHeld ?? 0,
          ...(withSnapshot && outcome.snapshotApplied ? { ackedSnapshotHash: digest } : {}),
          // The republic has applied a newer snapshot than ours (a restored backup here): number on from it.
          ...(withSnapshot && !outcome.snapshotApplied
            ? { snapshotNo: Math.max(snapshotNo, outcome.republicSnapshotNo) }
            : {}),
        },
      );
    });
    const snapshotLeft = withSnapshot && !outcome.snapshotApplied;
    return waiting - acked.length > 0 || snapshotLeft;
  }

  private async tryClaim(link: RepublicLinkEntity): Promise<void> {
    if (!link.republicUrl || !link.claimSecret) return;
    try {
      await this.links.claimOnline(link.republicUrl, link.stageId, link.claimSecret);
      await this.dataSource.manager.update(
        RepublicLinkEntity,
        { stageId: link.stageId },
        { claimed: true, claimSecret: null },
      );
      link.claimed = true;
    } catch (error) {
      // Unreachable, or the code was already spent by a bundle carrying it: the batch below tells.
      this.logger.debug(`Claim for ${link.stageId} not made: ${(error as Error).message}`);
    }
  }
}

/** fetch says only "fetch failed"; the reason (refused, reset, timed out) is in its cause. */
function describeFailure(error: unknown): string {
  const failure = error as Error & { cause?: { code?: string; message?: string } };
  const cause = failure.cause?.code ?? failure.cause?.message;
  return cause ? `${failure.message} (${cause})` : failure.message;
}

/**
 * How long to wait before the next attempt after `error`: doubling from a quarter second, up to
 * seconds for a link that is down and a minute for a republic that refused the batch.
 */
export function nextRetryDelay(previous: number | undefined, error: unknown): number {
  const ceiling =
    error instanceof RefusedByRepublic ? MAX_BACKOFF_MS.refused : MAX_BACKOFF_MS.unreachable;
  return Math.min((previous ?? 250) * 2, ceiling);
}

/** One signed batch to the republic; its answer, or why there is none. */
export async function postBatch(url: string, body: Buffer): Promise<SyncOutcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const answer = (await response.json().catch(() => ({}))) as SyncOutcome & {
    key?: string;
    message?: string;
  };
  if (!response.ok) {
    const why = `${response.status} ${answer.key ?? ''} ${answer.message ?? ''}`.trim();
    // A 4xx is the republic's answer to this batch; a 5xx (a proxy before a restarting server, a
    // busy database) may clear in seconds.
    throw response.status < 500 ? new RefusedByRepublic(why) : new Error(why);
  }
  if (!Array.isArray(answer.acknowledged))
    throw new Error('The republic server answered without acknowledgements');
  return answer;
}
