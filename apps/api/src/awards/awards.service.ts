import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AwardsState } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { ApiError, notFound } from '../common/api-error';
import { KeyedQueue } from '../common/keyed-queue';
import { LiveService } from '../live/live.service';
import { SettingsService } from '../settings/settings.service';
import { StandingsService } from '../standings/standings.service';
import { assertSettled } from '../standings/assert-settled';
import { podiumInRevealOrder } from './podium';

/** Stored per category in `app_setting` under `awards:{categoryId}`: survives restarts, shared by replicas. */
interface StoredAwards {
  stageId: string;
  podium: number;
  revealedCount: number;
  active: boolean;
}

const keyOf = (categoryId: string) => `awards:${categoryId}`;

/**
 * The awards ceremony: the organiser reveals a category's podium place by place on the hall
 * screen. Until a place is revealed it never leaves the server for a public client; the
 * category's full standings stay under the embargo until it is published as usual.
 */
@Injectable()
export class AwardsService implements OnModuleInit {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly settings: SettingsService,
    private readonly categories: CategoriesQuery,
    private readonly standings: StandingsService,
    private readonly live: LiveService,
    private readonly audit: AuditRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.live.provideAwards((stageId) => this.activeForStage(stageId));
  }

  start(categoryId: string, podium: number, actor: Actor): Promise<AwardsState> {
    return this.change(categoryId, actor, 'awards.start', async (category) => ({
      stageId: category.stageId,
      podium,
      revealedCount: 0,
      active: true,
    }));
  }

  /** Reveals the next place (3rd, then 2nd, then 1st); refused once all are out. */
  reveal(categoryId: string, actor: Actor): Promise<AwardsState> {
    return this.change(categoryId, actor, 'awards.reveal', async (category, stored, steps) => {
      if (!stored?.active)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'awards.notStarted',
          'Start the awards of this category first',
        );
      if (stored.revealedCount >= steps)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'awards.allRevealed',
          'Every place is already revealed',
        );
      return { ...stored, revealedCount: stored.revealedCount + 1 };
    });
  }

  /** Ends the ceremony view; what was revealed stays revealed. */
  end(categoryId: string, actor: Actor): Promise<AwardsState> {
    return this.change(categoryId, actor, 'awards.end', async (category, stored) => {
      if (!stored)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'awards.notStarted',
          'Start the awards of this category first',
        );
      return { ...stored, active: false };
    });
  }

  async forStage(stageId: string, actor: Actor): Promise<AwardsState[]> {
    assertStageAccess(actor, stageId);
    return this.statesOf(stageId, false);
  }

  /** What the public may see: ceremonies under way, their revealed places only. */
  activeForStage(stageId: string): Promise<AwardsState[]> {
    return this.statesOf(stageId, true);
  }

  private async statesOf(stageId: string, activeOnly: boolean): Promise<AwardsState[]> {
    const rows = await this.settings.withPrefix('awards:');
    const states: AwardsState[] = [];
    for (const row of rows) {
      const stored = JSON.parse(row.value) as StoredAwards;
      if (stored.stageId !== stageId || (activeOnly && !stored.active)) continue;
      const category = await this.categories.categoryById(row.key.slice('awards:'.length));
      if (category) states.push(await this.stateOf(category, stored));
    }
    return states;
  }

  private change(
    categoryId: string,
    actor: Actor,
    action: AuditAction,
    next: (
      category: CategoryRow,
      stored: StoredAwards | null,
      steps: number,
    ) => Promise<StoredAwards>,
  ): Promise<AwardsState> {
    return this.queue.run(categoryId, async () => {
      const category = await this.categories.categoryById(categoryId);
      if (!category) throw notFound('Category', categoryId);
      assertStageAccess(actor, category.stageId);
      const current = await this.settings.get(keyOf(categoryId));
      const stored = current !== undefined ? (JSON.parse(current) as StoredAwards) : null;
      const snapshot = await this.standings.snapshot(categoryId);
      // Revealing a place still in the balance would announce it to the hall.
      if (action !== 'awards.end') assertSettled(snapshot.standings.rows);
      const steps = podiumInRevealOrder(snapshot, stored?.podium ?? 3).length;
      const updated = await next(category, stored, steps);
      await this.dataSource.transaction(async (manager) => {
        await this.settings.set(keyOf(categoryId), JSON.stringify(updated), manager);
        const { podium, revealedCount, active } = updated;
        await this.audit.record(
          {
            actor,
            stageId: category.stageId,
            object: { kind: 'category', id: categoryId, name: category.name },
            action,
            before: stored && {
              podium: stored.podium,
              revealedCount: stored.revealedCount,
              active: stored.active,
            },
            after: { podium, revealedCount, active },
          },
          manager,
        );
      });
      const state = await this.stateOf(category, updated);
      this.live.awardsChanged(state);
      return state;
    });
  }

  private async stateOf(category: CategoryRow, stored: StoredAwards): Promise<AwardsState> {
    const steps = podiumInRevealOrder(await this.standings.snapshot(category.id), stored.podium);
    return {
      categoryId: category.id,
      stageId: category.stageId,
      categoryName: category.name,
      podium: stored.podium,
      revealedCount: Math.min(stored.revealedCount, steps.length),
      revealed: steps.slice(0, stored.revealedCount),
      active: stored.active,
    };
  }
}
