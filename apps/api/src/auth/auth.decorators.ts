import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@olympiad/contracts';
import type { Actor } from './actor';

export const PUBLIC_ROUTE = 'olympiad:public';
export const ALLOWED_ROLES = 'olympiad:roles';

/** Anyone may call it; a token, when sent, is still read (public pages seen by a judge). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles; routes without @Public() or @Roles() are organiser-only. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | undefined =>
    context.switchToHttp().getRequest<{ actor?: Actor }>().actor,
);
