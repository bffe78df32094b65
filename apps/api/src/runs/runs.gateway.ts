import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { armRunSchema, type RunState } from '@olympiad/contracts';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { assertMayWrite } from '../auth/staff-reach';
import { TokenService } from '../auth/token.service';
import { ApiError } from '../common/api-error';
import { VenueOwnedStages } from '../federation/venue-owned-stages';
import { ArmRunUseCase } from './arm-run.use-case';

const armMessageSchema = armRunSchema.extend({ fieldId: z.string().uuid() });

/** Arming over the socket a judge's tablet already holds open (same rules as the REST route). */
@WebSocketGateway({ cors: { origin: true }, serveClient: false })
export class RunsGateway {
  constructor(
    private readonly arming: ArmRunUseCase,
    private readonly tokens: TokenService,
    private readonly venueOwned: VenueOwnedStages,
  ) {}

  @SubscribeMessage('run:arm')
  async arm(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<{ ok: true; run: RunState } | { ok: false; key: string; message: string }> {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    const actor = await this.tokens.actorOf(typeof token === 'string' ? token : undefined);
    if (!actor) return { ok: false, key: 'errors.unauthorized', message: 'Sign in first' };
    const request = armMessageSchema.safeParse(body);
    if (!request.success)
      return {
        ok: false,
        key: 'errors.validation',
        message: request.error.issues[0]?.message ?? 'bad request',
      };
    try {
      const { fieldId, ...arm } = request.data;
      assertMayWrite(actor);
      await this.venueOwned.assertEditable('field', fieldId);
      return { ok: true, run: await this.arming.arm(fieldId, arm, actor) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, key: error.key, message: error.message };
      throw error;
    }
  }
}
