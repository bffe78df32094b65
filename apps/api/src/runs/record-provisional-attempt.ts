import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAZE_ATTEMPT, provisionalMazeAttempt } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CategoriesQuery } from '../categories/categories.query';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { FieldRunEntity } from './field-run.entity';
import { RunAnnouncer } from './run-announcer';

/** A finish's (device, boot, seq) was already stored: the whole finish, attempt included, is rolled back. */
export class DuplicateEvent extends Error {}

/**
 * Records a finished run's provisional attempt in the ledger (built by `provisionalMazeAttempt`,
 * which the tablet compares the judge's draft with), as the device of a finish gate or as the
 * judge who attached two events.
 */
@Injectable()
export class RecordProvisionalAttempt {
  private readonly logger = new Logger('RunTiming');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recordEntry: RecordEntryUseCase,
    private readonly announcer: RunAnnouncer,
    private readonly categories: CategoriesQuery,
  ) {}

  /**
   * Returns false when it could not be recorded (nothing of `alongside` is written then); a
   * `DuplicateEvent` thrown by `alongside` is passed on.
   */
  async execute(
    run: FieldRunEntity,
    actor: Actor,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const limit = await this.categories.mazeTimeLimitOf(run.categoryId);
    if (limit === null) return false;
    const entryId = run.entryId ?? randomUUID();
    try {
      await this.recordEntry.execute(
        {
          id: entryId,
          categoryId: run.categoryId,
          teamId: run.teamId,
          kind: MAZE_ATTEMPT,
          payload: provisionalMazeAttempt(run.attempt, run.durationMs ?? 0, limit),
          supersedes: null,
          reason: null,
          recordedAt: new Date().toISOString(),
          deviceId: actor.kind === 'device' ? actor.name : null,
        },
        actor,
        alongside,
      );
      if (!run.entryId) {
        await this.dataSource.getRepository(FieldRunEntity).update({ id: run.id }, { entryId });
        run.entryId = entryId;
        this.announcer.announce(run);
      }
      return true;
    } catch (error) {
      if (error instanceof DuplicateEvent) throw error;
      // The run and its events stay stored: the judge records the attempt by hand from the tablet.
      this.logger.warn(
        `Run ${run.id}: the attempt was not recorded (${error instanceof Error ? error.message : error})`,
      );
      return false;
    }
  }
}
