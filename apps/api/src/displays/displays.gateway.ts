import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  displayHelloSchema,
  type ClientToServerEvents,
  type DisplayConfig,
  type DisplayHelloResult,
  type ServerToClientEvents,
} from '@olympiad/contracts';
import type { Server, Socket } from 'socket.io';
import { enterRoom } from '../live/room-entry';
import { roomSockets } from '../live/room-sockets';
import { DisplaysService } from './displays.service';

type DisplaySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { displayId?: string }
>;

/** A display's socket: `display:hello` on every connect puts it in `display:{id}`, where its configuration is pushed. */
@WebSocketGateway({ cors: { origin: true }, serveClient: false })
export class DisplaysGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('DisplaysGateway');
  @WebSocketServer() private server?: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(private readonly displays: DisplaysService) {}

  @SubscribeMessage('display:hello')
  async hello(
    @ConnectedSocket() socket: DisplaySocket,
    @MessageBody() body: unknown,
  ): Promise<DisplayHelloResult> {
    const hello = displayHelloSchema.safeParse(body);
    if (!hello.success)
      return {
        ok: false,
        key: 'errors.validation',
        message: 'hello is { displayId: uuid, secret }',
      };
    try {
      const { displayId, secret } = hello.data;
      const result = await this.displays.hello(displayId, secret, (answer) =>
        enterRoom(socket, { socketRoom: `display:${displayId}`, snapshot: answer }),
      );
      if (result.ok) socket.data.displayId = displayId;
      return result;
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      return {
        ok: false,
        key: 'errors.internal',
        message: 'The server could not load this display',
      };
    }
  }

  handleDisconnect(socket: DisplaySocket): void {
    const id = socket.data?.displayId;
    if (id) void this.displays.seen(id).catch(() => undefined);
  }

  push(displayId: string, config: DisplayConfig): void {
    this.server?.to(`display:${displayId}`).emit('display:config', config);
  }

  /** A removed display is disconnected; on reconnect its hello is refused and it asks for a new code. */
  forget(displayId: string): void {
    this.server?.in(`display:${displayId}`).disconnectSockets();
  }

  async isOnline(displayId: string): Promise<boolean> {
    if (!this.server) return false;
    return (await roomSockets(this.server, `display:${displayId}`, this.logger)).length > 0;
  }
}
