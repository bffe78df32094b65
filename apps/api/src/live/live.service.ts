import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  ClientToServerEvents,
  JoinResult,
  RoomRef,
  ServerToClientEvents,
  StageSnapshot,
  StandingsDelta,
} from '@olympiad/contracts';
import type { Server } from 'socket.io';
import { Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CategoryEntity } from '../categories/category.entity';
import { FieldEntity } from '../fields/field.entity';
import { StageEntity } from '../stages/stage.entity';
import { StandingsService } from '../standings/standings.service';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Rooms and what goes into them (DESIGN.md §5). Staff (a token for the stage) join `…:staff`
 * rooms and see everything; public viewers join the plain rooms, which only ever receive
 * published categories: embargoed results never leave the server for them.
 */
@Injectable()
export class LiveService {
  private server?: LiveServer;

  constructor(
    private readonly standings: StandingsService,
    @InjectRepository(StageEntity) private readonly stages: Repository<StageEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
  ) {}

  attach(server: LiveServer): void {
    this.server = server;
  }

  /** Resolves a join: which socket room, and the snapshot to send first. */
  async join(room: RoomRef, actor: Actor | undefined): Promise<{ socketRoom: string; result: JoinResult } | { result: JoinResult }> {
    const refuse = (key: string, message: string) => ({ result: { ok: false as const, key, message } });
    if (room.kind === 'stage') {
      const stage = await this.stages.findOneBy({ id: room.id });
      if (!stage) return refuse('errors.notFound', 'No such stage');
      const staff = isStaffOf(actor, stage.id);
      if (!staff && stage.status === 'draft') return refuse('live.notPublished', 'This stage is not public yet');
      return {
        socketRoom: staff ? `stage:${stage.id}:staff` : `stage:${stage.id}`,
        result: { ok: true, room, stage: await this.stageSnapshot(stage, staff) },
      };
    }
    if (room.kind === 'category') {
      const category = await this.categories.findOneBy({ id: room.id });
      if (!category) return refuse('errors.notFound', 'No such category');
      const staff = isStaffOf(actor, category.stageId);
      if (!staff && !category.published) return refuse('live.notPublished', 'These results are not published yet');
      return {
        socketRoom: staff ? `category:${category.id}:staff` : `category:${category.id}`,
        result: { ok: true, room, standings: await this.standings.snapshot(category.id) },
      };
    }
    const field = await this.fields.findOneBy({ id: room.id });
    if (!field) return refuse('errors.notFound', 'No such field');
    if (!isStaffOf(actor, field.stageId)) return refuse('errors.forbidden', 'Field rooms are for the judges of the stage');
    return { socketRoom: `field:${field.id}:staff`, result: { ok: true, room } };
  }

  standingsChanged(delta: StandingsDelta, published: boolean): void {
    if (!this.server) return;
    this.server.to(`category:${delta.categoryId}:staff`).emit('standings:delta', delta);
    if (published) this.server.to(`category:${delta.categoryId}`).emit('standings:delta', delta);
  }

  /** A category was locked, published or withdrawn from publication: resend what each room may see. */
  async categoryChanged(categoryId: string): Promise<void> {
    const category = await this.categories.findOneBy({ id: categoryId });
    if (!category || !this.server) return;
    const snapshot = await this.standings.snapshot(categoryId);
    this.server.to(`category:${categoryId}:staff`).emit('standings:snapshot', snapshot);
    if (category.published) {
      this.server.to(`category:${categoryId}`).emit('standings:snapshot', snapshot);
    } else {
      // Public viewers still in the room are told the results are gone, and see no rows.
      this.server
        .to(`category:${categoryId}`)
        .emit('standings:snapshot', { ...snapshot, standings: { rows: [] }, teams: {}, published: false });
    }
    await this.stageChanged(category.stageId);
  }

  async stageChanged(stageId: string): Promise<void> {
    const stage = await this.stages.findOneBy({ id: stageId });
    if (!stage || !this.server) return;
    this.server.to(`stage:${stageId}:staff`).emit('stage:snapshot', await this.stageSnapshot(stage, true));
    this.server.to(`stage:${stageId}`).emit('stage:snapshot', await this.stageSnapshot(stage, false));
  }

  async stageSnapshot(stage: StageEntity, staff: boolean): Promise<StageSnapshot> {
    const categories = await this.categories.find({
      where: staff ? { stageId: stage.id } : { stageId: stage.id, published: true },
      order: { discipline: 'ASC', minGrade: 'ASC', name: 'ASC' },
    });
    return {
      stageId: stage.id,
      name: stage.name,
      status: stage.status,
      categories: categories.map((category) => ({
        id: category.id,
        name: category.name,
        discipline: category.discipline,
        ageGroup: category.ageGroupLabel,
        status: category.status,
        published: category.published,
        version: category.standingsVersion,
      })),
    };
  }

  get connectedClients(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }
}

function isStaffOf(actor: Actor | undefined, stageId: string): boolean {
  return actor?.kind === 'organiser' || (actor?.kind === 'judge' && actor.stageId === stageId);
}
