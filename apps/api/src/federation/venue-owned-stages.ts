import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError } from '../common/api-error';
import { FieldEntity } from '../fields/field.entity';
import { HeldEntryEntity } from '../held-entries/held-entry.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { TeamEntity } from '../teams/team.entity';
import { VenueLinkEntity } from './venue-link.entity';

/**
 * On the republic server a stage linked to a venue (its `venue_link` has the venue's key) is that
 * venue's data: nobody here edits it, only the venue's signed data changes it (docs/federation.md,
 * "Who owns what"). The federation apply path writes through its own EntityManager and is not
 * checked here.
 */
export const venueOwned = () =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'federation.venueOwned',
    'This stage belongs to its regional venue: it is read-only here, and corrections come from the venue',
  );

/** What a route names to say which stage it writes: the stage itself or a row of it. */
export type StageOwnedRow = 'stage' | 'category' | 'team' | 'judge' | 'field' | 'held-entry';

const ROWS: Record<Exclude<StageOwnedRow, 'stage'>, new () => { id: string; stageId: string }> = {
  category: CategoryEntity,
  team: TeamEntity,
  judge: JudgeEntity,
  field: FieldEntity,
  'held-entry': HeldEntryEntity,
};

/**
 * Whether the row's stage is owned by a venue: one query per write, so a link made a moment ago
 * counts at once. An id that names nothing is not refused here; the route answers 404 or 400.
 */
export async function isVenueOwned(
  manager: EntityManager,
  row: StageOwnedRow,
  id: string,
): Promise<boolean> {
  if (row === 'stage')
    return manager
      .createQueryBuilder(VenueLinkEntity, 'link')
      .where('link.stageId = :id', { id })
      .andWhere('link.publicKey IS NOT NULL')
      .getExists();
  return manager
    .createQueryBuilder(ROWS[row], 'row')
    .innerJoin(VenueLinkEntity, 'link', 'link.stageId = row.stageId')
    .where('row.id = :id', { id })
    .andWhere('link.publicKey IS NOT NULL')
    .getExists();
}

export async function assertStageEditable(
  manager: EntityManager,
  row: StageOwnedRow,
  id: string,
): Promise<void> {
  if (await isVenueOwned(manager, row, id)) throw venueOwned();
}
