import { Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { routes, type FieldQueue, type PublicTurn } from '@olympiad/contracts';
import { Public } from '../auth/auth.decorators';
import { CategoriesQuery } from '../categories/categories.query';
import { notFound } from '../common/api-error';
import { RecentReads } from '../common/recent-reads';
import { Route } from '../common/routes/route.decorator';
import { StagesQuery } from '../stages/stages.query';
import { TeamsQuery } from '../teams/teams.query';
import { FieldQueuesService } from './field-queues.service';
import { turnOfTeam } from './public-turn';

/** How long one read of a stage's queues answers the public turn route (the phone waits longer). */
export const PUBLIC_TURN_READ_MS = 3_000;

/** The phone page's "your turn in about 12 min" for a followed team of a live or closed stage. */
@ApiTags('public')
@Public()
@Controller()
export class PublicTurnController {
  /**
   * Every phone that follows a team asks after each score (docs/rules.md#schedules): the stage's
   * queues are read once for all of them within a few seconds. The phone asks a little later than
   * that after a score, so what it gets was read after the score.
   */
  private readonly stageQueues = new RecentReads<FieldQueue[]>(PUBLIC_TURN_READ_MS);

  constructor(
    private readonly queues: FieldQueuesService,
    private readonly categories: CategoriesQuery,
    private readonly stages: StagesQuery,
    private readonly teams: TeamsQuery,
  ) {}

  @Route(routes.fieldQueues.publicTurn)
  async turn(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('teamId', ParseUUIDPipe) teamId: string,
  ): Promise<PublicTurn> {
    const category = await this.categories.categoryById(id);
    const stage = category ? await this.stages.stageById(category.stageId) : null;
    // A draft stage is not public (as its results): the same 404 as an unknown category.
    if (!category || !stage || stage.status === 'draft') throw notFound('Category', id);
    const team = (await this.teams.teamsByIds([teamId])).find(
      (one) => one.categoryId === category.id,
    );
    if (!team) throw notFound('Team', teamId);
    const queues = await this.stageQueues.read(stage.id, () => this.queues.list(stage.id));
    return turnOfTeam(queues, team.id);
  }
}
