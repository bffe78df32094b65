import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { VenueOwnedStages, type StageOwnedRow } from './venue-owned-stages';

/**
 * Where a write route finds the stage it changes: a route parameter or a body field (a path of
 * names for a nested one) holding the id of the stage (`of` left out) or of one of its rows.
 */
export type StageRef = ({ param: string } | { body: string | string[] }) & { of?: StageOwnedRow };

const WRITES_STAGE = 'olympiad:writes-stage';

/**
 * Marks a route that changes a stage's data: on the republic server it answers 403
 * `federation.venueOwned` for a stage a regional venue owns (docs/federation.md, "Who owns what").
 * Runs after the global auth guard, before the body is validated.
 */
export const WritesStage = (...refs: StageRef[]) =>
  applyDecorators(SetMetadata(WRITES_STAGE, refs), UseGuards(WritesStageGuard));

@Injectable()
export class WritesStageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly venueOwned: VenueOwnedStages,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const refs = this.reflector.get<StageRef[] | undefined>(WRITES_STAGE, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    for (const ref of refs ?? []) {
      const id =
        'param' in ref ? request.params[ref.param] : valueAt(request.body, [ref.body].flat());
      // A missing or malformed id is the validation's to refuse, with its own message.
      if (typeof id === 'string') await this.venueOwned.assertEditable(ref.of ?? 'stage', id);
    }
    return true;
  }
}

function valueAt(value: unknown, path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
