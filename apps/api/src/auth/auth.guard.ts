import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@olympiad/contracts';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import { JudgesQuery } from '../judges/judges.query';
import type { Actor } from './actor';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { TokenService } from './token.service';

/** Global guard: reads the bearer token, then applies @Public() / @Roles(); default organiser-only. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly judges: JudgesQuery,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    let actor = this.tokens.verify(token);
    // A deactivated judge's token stops working at once, not when it expires.
    if (actor?.kind === 'judge' && !(await this.judges.judgeIsActive(actor.id))) {
      actor = undefined;
    }
    request.actor = actor;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!actor) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'errors.unauthorized',
        token ? 'Your sign-in has expired or is not valid; sign in again' : 'Sign in first',
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
    return true;
  }
}
