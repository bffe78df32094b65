import { forbidden } from '../common/api-error';
import type { Actor } from './actor';
import { notGranted, stageReach } from './staff-reach';

/**
 * A judge's token is good for its own stage only; a coordinator's for the stages granted; admins
 * and observers reach every stage (docs/security.md#staff-accounts).
 */
export function assertStageAccess(actor: Actor, stageId: string): void {
  const reach = stageReach(actor);
  if (reach && !reach.includes(stageId)) throw notGranted(stageId);
  if (actor.kind !== 'organiser' && actor.stageId !== stageId) {
    throw forbidden('Your sign-in is for another stage');
  }
}
