import { forbidden } from '../common/api-error';
import type { Actor } from './actor';

/** A judge's token is good for its own stage only; organisers reach every stage. */
export function assertStageAccess(actor: Actor, stageId: string): void {
  if (actor.kind !== 'organiser' && actor.stageId !== stageId) {
    throw forbidden('Your sign-in is for another stage');
  }
}
