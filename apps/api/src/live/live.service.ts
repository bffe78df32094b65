import { Injectable, Logger } from '@nestjs/common';
import type {
  AwardsState,
  ClientToServerEvents,
  HeldEntry,
  JoinResult,
  PublicRun,
  RoomRef,
  ServerToClientEvents,
  StageSnapshot,
  StandingsDelta,
  StandingsSnapshot,
  SumoClock,
} from '@olympiad/contracts';
import type { Server } from 'socket.io';
import type { Actor } from '../auth/actor';
import { stageReach } from '../auth/staff-reach';
import { CategoriesQuery } from '../categories/categories.query';
import { FieldsQuery } from '../fields/fields.query';
import { olympiadLogoUrl } from '../olympiads/olympiad-logo.service';
import { OlympiadsQuery } from '../olympiads/olympiads.query';
import { StagesQuery, type StageRow } from '../stages/stages.query';
import { StandingsService } from '../standings/standings.service';
import { TeamsQuery } from '../teams/teams.query';
import { KeyedQueue } from '../common/keyed-queue';
import { FanOutTimer } from '../metrics/fan-out-timer';
import { DeltaCoalescer } from './delta-coalescer';
import { EncodedAnswer } from './encoded-answer';
import { publicDelta, publicSnapshot, publicStageSnapshot } from './public-rows';
import type { RoomAdmission } from './room-entry';
import { JoinStandings } from './join-standings';
import { roomSockets } from './room-sockets';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Rooms and what goes into them (docs/design.md#live-updates). Staff (a token for the stage) join `…:staff`
 * rooms and see everything; public viewers join the plain rooms, which only ever receive
 * published categories: embargoed results never leave the server for them.
 */
@Injectable()
export class LiveService {
  private readonly logger = new Logger('Live');
  private server?: LiveServer;
  /** Public rooms get at most one standings broadcast per category every 100 ms (bursts merged). */
  private readonly snapshotLane = new KeyedQueue();
  private readonly joinStandings = new JoinStandings(
    (categoryId) => this.standings.snapshot(categoryId),
    (read) => this.snapshotLane.run('snapshot', read),
  );
  private readonly coalescer = new DeltaCoalescer((delta, published) =>
    this.broadcastDelta(delta, published),
  );
  private readonly fanOutTimer = new FanOutTimer();
  /** Awards reveals in progress, by stage: the stage join hands them to late viewers. */
  private stageAwards?: (stageId: string) => Promise<AwardsState[]>;
  /**
   * The last public run of each field, by stage, for screens that join late or reconnect. Kept in
   * this process: after a restart a field shows again from its next run change.
   */
  private readonly publicRuns = new Map<string, Map<string, PublicRun>>();
  /** Where the stage join finds each ring's latest match clock (the sumo-clock feature keeps them). */
  private sumoClocks?: (stageId: string) => SumoClock[];
  private fieldSnapshot?: (
    fieldId: string,
  ) => Promise<Pick<Extract<JoinResult, { ok: true }>, 'run' | 'devices' | 'unassigned'>>;

  constructor(
    private readonly standings: StandingsService,
    private readonly stages: StagesQuery,
    private readonly categories: CategoriesQuery,
    private readonly fields: FieldsQuery,
    private readonly teams: TeamsQuery,
    private readonly olympiads: OlympiadsQuery,
  ) {}

  attach(server: LiveServer): void {
    this.server = server;
  }

  /**
   * Resolves a join: a refusal, or the socket room and how to build the snapshot to send first.
   * The snapshot is built once the socket is in its room (`enterRoom`), so nothing sent to the
   * room meanwhile is lost.
   */
  async join(
    room: RoomRef,
    actor: Actor | undefined,
  ): Promise<RoomAdmission | { result: JoinResult }> {
    const refuse = (key: string, message: string) => ({
      result: { ok: false as const, key, message },
    });
    if (room.kind === 'stage') {
      const stage = await this.stages.stageById(room.id);
      if (!stage) return refuse('errors.notFound', 'No such stage');
      const staff = isStaffOf(actor, stage.id);
      if (!staff && stage.status === 'draft')
        return refuse('live.notPublished', 'This stage is not public yet');
      return {
        socketRoom: staff ? `stage:${stage.id}:staff` : `stage:${stage.id}`,
        snapshot: async () => {
          const snapshot = await this.stageSnapshot(stage, staff);
          return {
            ok: true,
            room,
            stage: snapshot,
            ...(this.stageAwards ? { awards: await this.stageAwards(stage.id) } : {}),
            runs: this.publicRunsOf(snapshot),
            sumoClocks: this.sumoClocksOf(snapshot),
          };
        },
      };
    }
    if (room.kind === 'category') {
      const category = await this.categories.liveStateOf(room.id);
      if (!category) return refuse('errors.notFound', 'No such category');
      const staff = isStaffOf(actor, category.stageId);
      if (!staff && !category.published)
        return refuse('live.notPublished', 'These results are not published yet');
      return {
        socketRoom: staff ? `category:${category.id}:staff` : `category:${category.id}`,
        snapshot: async () => {
          // Read with the socket in its room: a delta of a later version reaches it after this.
          const now = await this.categories.liveStateOf(category.id);
          if (!now) return refuse('errors.notFound', 'No such category').result;
          if (!staff && !now.published)
            return refuse('live.notPublished', 'These results are not published yet').result;
          const standings = await this.joinStandings.json(category.id, staff, now);
          return new EncodedAnswer(
            `{"ok":true,"room":${JSON.stringify(room)},"standings":${standings}}`,
          );
        },
      };
    }
    const field = await this.fields.fieldById(room.id);
    if (!field) return refuse('errors.notFound', 'No such field');
    if (!isStaffOf(actor, field.stageId))
      return refuse('errors.forbidden', 'Field rooms are for the judges of the stage');
    return {
      socketRoom: `field:${field.id}:staff`,
      snapshot: async () => ({
        ok: true,
        room,
        ...(this.fieldSnapshot ? await this.fieldSnapshot(field.id) : {}),
      }),
    };
  }

  standingsChanged(delta: StandingsDelta, published: boolean): void {
    if (!this.server) return;
    this.fanOutTimer.committed(delta.categoryId);
    this.coalescer.push(delta, published);
  }

  /** One broadcast per audience (each packet encoded once for all its viewers); the public one only if published. */
  private broadcastDelta(delta: StandingsDelta, published: boolean): void {
    this.server?.to(`category:${delta.categoryId}:staff`).emit('standings:delta', delta);
    if (published)
      this.server?.to(`category:${delta.categoryId}`).emit('standings:delta', publicDelta(delta));
    this.fanOutTimer.broadcast(delta.categoryId);
  }

  /**
   * The public "on the field now". Only runs of published categories reach the public
   * stage room, and only the clock: penalties and the judge's decision stay with staff; the
   * confirmed result arrives as a standings delta. An embargoed category's run is sent as `idle`
   * so a screen never keeps an old run of that field.
   */
  async publicRunChanged(
    run: Omit<PublicRun, 'serverNow' | 'stageId' | 'fieldName' | 'teamName'>,
  ): Promise<void> {
    if (!this.server) return;
    const field = await this.fields.fieldById(run.fieldId);
    if (!field) return;
    const category = run.categoryId ? await this.categories.categoryById(run.categoryId) : null;
    const base = {
      fieldId: field.id,
      fieldName: field.name,
      stageId: field.stageId,
      serverNow: new Date().toISOString(),
    };
    const visible = run.state !== 'idle' && category?.published === true;
    const team =
      visible && run.teamId ? (await this.teams.teamsByIds([run.teamId]))[0]?.name : undefined;
    const payload: PublicRun = visible
      ? {
          ...base,
          state: run.state,
          categoryId: run.categoryId,
          teamId: run.teamId,
          teamName: team,
          attempt: run.attempt,
          startedAt: run.startedAt,
          durationMs: run.state === 'finished' ? run.durationMs : undefined,
        }
      : { ...base, state: 'idle' };
    this.rememberPublicRun(payload);
    this.server
      .to([`stage:${field.stageId}`, `stage:${field.stageId}:staff`])
      .emit('run:public', payload);
  }

  private rememberPublicRun(run: PublicRun): void {
    const runs = this.publicRuns.get(run.stageId) ?? new Map<string, PublicRun>();
    if (run.state === 'idle') runs.delete(run.fieldId);
    else runs.set(run.fieldId, run);
    this.publicRuns.set(run.stageId, runs);
  }

  /**
   * What a screen joining (or coming back after a Wi-Fi drop) shows as "on the field now": the last
   * public run of each field, kept only if its category is still published, with the server's time
   * of now for the screen's clock offset.
   */
  private publicRunsOf(stage: StageSnapshot): PublicRun[] {
    const published = new Set(
      stage.categories.filter((category) => category.published).map((category) => category.id),
    );
    const serverNow = new Date().toISOString();
    return [...(this.publicRuns.get(stage.stageId)?.values() ?? [])]
      .filter((run) => run.categoryId !== undefined && published.has(run.categoryId))
      .map((run) => ({ ...run, serverNow }));
  }

  /**
   * A ring's match clock moved (docs/results-display.md#the-sumo-round-clock): to the stage's staff,
   * and to its public room only if the match's category is published, as its bracket is.
   */
  sumoClockChanged(clock: SumoClock, published: boolean): void {
    this.server?.to(`stage:${clock.stageId}:staff`).emit('sumo:clock', clock);
    if (published) this.server?.to(`stage:${clock.stageId}`).emit('sumo:clock', clock);
  }

  provideSumoClocks(lookup: (stageId: string) => SumoClock[]): void {
    this.sumoClocks = lookup;
  }

  /** The rings' latest clocks for a screen joining the stage: published categories only, stamped now. */
  private sumoClocksOf(stage: StageSnapshot): SumoClock[] {
    const published = new Set(
      stage.categories.filter((category) => category.published).map((category) => category.id),
    );
    const serverNow = new Date().toISOString();
    return (this.sumoClocks?.(stage.stageId) ?? [])
      .filter((clock) => published.has(clock.categoryId))
      .map((clock) => ({ ...clock, serverNow }));
  }

  /** The runs feature registers what a judge joining a field room gets first (run, devices, unassigned events). */
  provideFieldSnapshot(
    lookup: (
      fieldId: string,
    ) => Promise<Pick<Extract<JoinResult, { ok: true }>, 'run' | 'devices' | 'unassigned'>>,
  ): void {
    this.fieldSnapshot = lookup;
  }

  /** The judges in a field's room: runs, device health and sensor events go only there. */
  toFieldStaff(fieldId: string) {
    return this.server?.to(`field:${fieldId}:staff`);
  }

  /**
   * Snapshots for joins one at a time: StandingsService.snapshot opens a transaction, and on
   * SQLite's single connection two at once fail ("Transaction is not started yet") when a hall
   * screen joins all its categories together.
   */
  private snapshotOf(categoryId: string): Promise<StandingsSnapshot> {
    return this.snapshotLane.run('snapshot', () => this.standings.snapshot(categoryId));
  }

  /** The awards feature registers where the stage join finds reveals in progress. */
  provideAwards(lookup: (stageId: string) => Promise<AwardsState[]>): void {
    this.stageAwards = lookup;
  }

  /** An awards reveal moved on: everyone on the stage sees the places revealed so far, no more. */
  awardsChanged(state: AwardsState): void {
    this.server
      ?.to([`stage:${state.stageId}`, `stage:${state.stageId}:staff`])
      .emit('awards:state', state);
  }

  /**
   * An entry was held for the head judge, or settled. Of the stage's staff, only the head judges,
   * the organiser and the judge who made the entry see it: one judge's entries are not another's.
   */
  async heldChanged(held: HeldEntry): Promise<void> {
    if (!this.server) return;
    for (const socket of await roomSockets(
      this.server,
      `stage:${held.stageId}:staff`,
      this.logger,
    )) {
      const actor = (socket.data as { actor?: Actor }).actor;
      if (
        actor?.role === 'organiser' ||
        actor?.role === 'head-judge' ||
        actor?.id === held.heldBy.id
      )
        socket.emit('held:changed', held);
    }
  }

  /** A category was locked, published or withdrawn from publication: resend what each room may see. */
  async categoryChanged(categoryId: string): Promise<void> {
    const category = await this.categories.categoryById(categoryId);
    if (!category || !this.server) return;
    // The snapshot below covers any merged delta still held, and must not be overtaken by one.
    this.coalescer.discard(categoryId);
    this.fanOutTimer.forget(categoryId);
    const snapshot = await this.snapshotOf(categoryId);
    this.server.to(`category:${categoryId}:staff`).emit('standings:snapshot', snapshot);
    if (category.published) {
      this.server.to(`category:${categoryId}`).emit('standings:snapshot', publicSnapshot(snapshot));
    } else {
      // Public viewers still in the room are told the results are gone, and see no rows.
      this.server.to(`category:${categoryId}`).emit('standings:snapshot', {
        ...snapshot,
        standings: { rows: [] },
        teams: {},
        published: false,
      });
    }
    await this.stageChanged(category.stageId);
  }

  async stageChanged(stageId: string): Promise<void> {
    const stage = await this.stages.stageById(stageId);
    if (!stage || !this.server) return;
    const snapshot = await this.stageSnapshot(stage, true);
    this.server.to(`stage:${stageId}:staff`).emit('stage:snapshot', snapshot);
    this.server.to(`stage:${stageId}`).emit('stage:snapshot', publicStageSnapshot(snapshot));
  }

  async stageSnapshot(stage: StageRow, staff: boolean): Promise<StageSnapshot> {
    const categories = await this.categories.categoriesOfStageByDiscipline(stage.id);
    const olympiad = await this.olympiads.olympiadById(stage.olympiadId);
    const logoUpdatedAt = await this.olympiads.logoUpdatedAt(stage.olympiadId);
    const snapshot: StageSnapshot = {
      stageId: stage.id,
      name: stage.name,
      status: stage.status,
      olympiad: olympiad
        ? {
            name: olympiad.name,
            logoUrl: logoUpdatedAt ? olympiadLogoUrl(olympiad.id, logoUpdatedAt) : null,
          }
        : undefined,
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
    return staff ? snapshot : publicStageSnapshot(snapshot);
  }

  get connectedClients(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }

  /** The rooms of this replica's own sockets (not of other replicas'), for the metrics. */
  get localRooms(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.server?.of('/').adapter.rooms ?? new Map();
  }
}

/** A coordinator is staff of the stages granted only (docs/security.md#staff-accounts). */
function isStaffOf(actor: Actor | undefined, stageId: string): boolean {
  if (actor?.kind === 'organiser') return stageReach(actor)?.includes(stageId) ?? true;
  return actor?.kind === 'judge' && actor.stageId === stageId;
}
