import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError } from '../common/api-error';
import { FieldsQuery } from '../fields/fields.query';
import { HeldEntriesQuery } from '../held-entries/held-entries.query';
import { JudgesQuery } from '../judges/judges.query';
import { TeamsQuery } from '../teams/teams.query';
import { FederationQuery, stageLinkedToVenue } from './federation.query';

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

/** Whether a venue owns the stage itself (for a row of a stage, ask VenueOwnedStages). */
export function isVenueOwned(
  manager: EntityManager,
  _row: 'stage',
  stageId: string,
): Promise<boolean> {
  return stageLinkedToVenue(manager, stageId);
}

/**
 * Whether a row's stage is owned by a venue, asked on every write, so a link made a moment ago
 * counts at once. An id that names nothing is not refused here; the route answers 404 or 400.
 */
@Injectable()
export class VenueOwnedStages {
  constructor(
    private readonly federation: FederationQuery,
    private readonly categories: CategoriesQuery,
    private readonly teams: TeamsQuery,
    private readonly judges: JudgesQuery,
    private readonly fields: FieldsQuery,
    private readonly heldEntries: HeldEntriesQuery,
  ) {}

  async isVenueOwned(row: StageOwnedRow, id: string, manager?: EntityManager): Promise<boolean> {
    const stageId = await this.stageOf(row, id, manager);
    return stageId !== null && this.federation.stageIsVenueOwned(stageId, manager);
  }

  async assertEditable(row: StageOwnedRow, id: string, manager?: EntityManager): Promise<void> {
    if (await this.isVenueOwned(row, id, manager)) throw venueOwned();
  }

  private async stageOf(
    row: StageOwnedRow,
    id: string,
    manager?: EntityManager,
  ): Promise<string | null> {
    switch (row) {
      case 'stage':
        return id;
      case 'category':
        return (await this.categories.categoryById(id, manager))?.stageId ?? null;
      case 'team':
        return (await this.teams.teamsByIds([id], manager))[0]?.stageId ?? null;
      case 'judge':
        return (await this.judges.judgesByIds([id], manager))[0]?.stageId ?? null;
      case 'field':
        return (await this.fields.fieldById(id, manager))?.stageId ?? null;
      case 'held-entry':
        return this.heldEntries.stageOfHeldEntry(id, manager);
    }
  }
}
