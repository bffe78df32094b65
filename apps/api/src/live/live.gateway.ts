import { Logger } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  roomName,
  roomRefSchema,
  type ClientToServerEvents,
  type JoinResult,
  type ServerToClientEvents,
} from '@olympiad/contracts';
import type { Socket } from 'socket.io';
import { AccountSockets, accountRoom } from '../auth/account-sockets';
import type { Actor } from '../auth/actor';
import { TokenService } from '../auth/token.service';
import type { EncodedAnswer } from './encoded-answer';
import { LiveService, type LiveServer } from './live.service';
import { enterRoom } from './room-entry';
import { RoomBeacons } from './room-beacons.service';
import {
  LIVE_LIMITS,
  capWriteBuffer,
  joinQuota,
  limitEvents,
  refuseJoin,
  type EngineConnection,
  type JoinQuota,
} from './socket-limits';

type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor?: Actor; rooms: Map<string, string>; quota: JoinQuota }
>;

type Answer = (result: JoinResult | EncodedAnswer) => void;

/** Socket.IO entry point: joins, leaves and resyncs; everything it sends is decided by LiveService. */
@WebSocketGateway({ cors: { origin: true }, serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('LiveGateway');

  constructor(
    private readonly live: LiveService,
    private readonly tokens: TokenService,
    private readonly beacons: RoomBeacons,
    private readonly accountSockets: AccountSockets,
  ) {}

  afterInit(server: LiveServer): void {
    this.live.attach(server);
    this.beacons.attach(server);
    this.accountSockets.attach(server);
  }

  handleConnection(socket: LiveSocket): void {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    socket.data.actor = this.tokens.verify(typeof token === 'string' ? token : undefined);
    socket.data.rooms = new Map();
    socket.data.quota = joinQuota();
    const actor = socket.data.actor;
    if (actor?.kind === 'organiser') void socket.join(accountRoom(actor.id));
    // docs/design.md#limits-per-live-connection
    limitEvents(socket, () =>
      this.logger.warn(`Live client ${socket.id} disconnected: more events than it may send`),
    );
    capWriteBuffer(socket.conn as unknown as EngineConnection, (bytes) =>
      this.logger.warn(
        `Live client ${socket.id} dropped: ${bytes} bytes wait to be sent to it (at most ${LIVE_LIMITS.maxBufferedBytes})`,
      ),
    );
  }

  /** Without an ack nobody would get the snapshot: such a join is dropped, no room entered. */
  @SubscribeMessage('join')
  async join(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
    @Ack() ack: Answer | undefined,
  ): Promise<void> {
    if (typeof ack === 'function') ack(await this.enter(socket, body));
  }

  /** A client that saw a version gap: a fresh snapshot, same room. */
  @SubscribeMessage('resync')
  async resync(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
    @Ack() ack: Answer | undefined,
  ): Promise<void> {
    if (typeof ack === 'function') ack(await this.enter(socket, body));
  }

  @SubscribeMessage('leave')
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): void {
    const room = roomRefSchema.safeParse(body);
    if (!room.success) return;
    const joined = socket.data.rooms.get(roomName(room.data));
    if (joined) void socket.leave(joined);
    socket.data.rooms.delete(roomName(room.data));
  }

  private async enter(socket: LiveSocket, body: unknown): Promise<JoinResult | EncodedAnswer> {
    const room = roomRefSchema.safeParse(body);
    if (!room.success) {
      return {
        ok: false,
        key: 'errors.validation',
        message: 'A room is { kind: stage | category | field, id: uuid }',
      };
    }
    const name = roomName(room.data);
    const refusal = refuseJoin(socket.data.quota, name, socket.data.rooms);
    if (refusal) return refusal;
    const isNew = !socket.data.rooms.has(name);
    if (isNew) socket.data.quota.entering += 1;
    try {
      // docs/security.md: checked again at each join, so a judge deactivated or given a new PIN
      // since connecting joins as the public.
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      const actor = await this.tokens.actorOf(typeof token === 'string' ? token : undefined);
      const admission = await this.live.join(room.data, actor);
      if ('result' in admission) return admission.result;
      const result = await enterRoom(socket, admission);
      if (result.ok) socket.data.rooms.set(name, admission.socketRoom);
      return result;
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      return { ok: false, key: 'errors.internal', message: 'The server could not load this room' };
    } finally {
      if (isNew) socket.data.quota.entering -= 1;
    }
  }
}
