import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiRoute, Role } from '@olympiad/contracts';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { ROUTE_METADATA } from '../common/routes/route.decorator';
import type { Actor } from './actor';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { ADMIN_ONLY, assertStaffReach } from './staff-reach';
import { StageOfRequest } from './stage-of-request';
import { TokenService } from './token.service';

/** Global guard: reads the bearer token, then applies @Public() / @Roles(); default organiser-only. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly stagesOfRequest: StageOfRequest,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    // A deactivated judge's token, or one given for a PIN since reset, stops working at once.
    const actor = await this.tokens.actorOf(token);
    request.actor = actor;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!actor) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'errors.unauthorized',
        token
          ? 'Your sign-in has ended (it expired, your PIN was reset or your account was deactivated); sign in again'
          : 'Sign in first',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? ['organiser'];
    if (!roles.includes(actor.role as Role)) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'errors.forbidden',
        `This needs one of the roles: ${roles.join(', ')}`,
      );
    }
    if (actor.kind === 'organiser') {
      // docs/security.md#staff-accounts: what a coordinator or an observer reaches.
      const route = this.reflector.get<ApiRoute | undefined>(ROUTE_METADATA, context.getHandler());
      await assertStaffReach(
        actor,
        {
          method: request.method,
          route,
          adminOnly: this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) ?? false,
        },
        () =>
          this.stagesOfRequest.stagesNamed(
            route as ApiRoute,
            request.params,
            request.body,
            request.query as Record<string, unknown>,
          ),
      );
    }
    return true;
  }
}
