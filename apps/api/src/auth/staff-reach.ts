import { SetMetadata } from '@nestjs/common';
import { type ApiRoute, routeTable } from '@olympiad/contracts';
import { forbidden } from '../common/api-error';
import type { Actor } from './actor';
import type { StagesNamed } from './stage-of-request';

export const ADMIN_ONLY = 'olympiad:admin-only';

/** Only a staff account with the admin role, reads too (staff accounts, signing keys). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

const key = (route: Pick<ApiRoute, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** Writes every staff account may make on itself, observers too. */
const OWN_ACCOUNT_WRITES = new Set(
  [routeTable.auth.changePassword, routeTable.auth.signOutEverywhere].map(key),
);

/**
 * Reads a coordinator may make that name no stage: the olympiad's shared lists, and lists the
 * handler narrows to the granted stages (stages, audit record). Every other route that names no
 * stage is the admin's (docs/security.md#staff-accounts).
 */
const COORDINATOR_READS_WITHOUT_STAGE = new Set(
  [
    routeTable.auth.me,
    routeTable.stages.list,
    routeTable.audit.list,
    routeTable.audit.csv,
    routeTable.olympiads.list,
    routeTable.olympiads.get,
    routeTable.regions.list,
    routeTable.schools.list,
    routeTable.categories.presets,
  ].map(key),
);

/**
 * GETs that write, so they count as writes for an observer: the link file issues a new link code
 * (a secret that lets a venue send the stage's data), and printing diplomas issues their check
 * codes, superseding those of diplomas whose result changed (docs/diplomas.md).
 */
const READS_THAT_WRITE = new Set(
  [routeTable.federation.linkFile, routeTable.documents.diplomas].map(key),
);

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/** The stages a staff actor reaches: undefined for all (admins, observers, judges' own check elsewhere). */
export function stageReach(actor: Actor | undefined): readonly string[] | undefined {
  if (actor?.kind !== 'organiser' || actor.staffRole !== 'coordinator') return undefined;
  return actor.stageIds ?? [];
}

/** For writes that do not pass the guard (arming over the socket): an observer only reads. */
export function assertMayWrite(actor: Actor): void {
  if (actor.kind === 'organiser' && actor.staffRole === 'observer')
    throw forbidden('This account may only read (observer)');
}

export function notGranted(stageId: string) {
  return forbidden(`This account is not granted the stage ${stageId}`);
}

/**
 * What a staff account may do on a route, before its handler runs. Admins: everything. Observers:
 * reads, and their own password and sign-out. Coordinators: routes whose objects all belong to
 * granted stages; of the routes naming no stage, the reads above; nothing an admin-only route does.
 */
export function assertStaffReach(
  actor: Extract<Actor, { kind: 'organiser' }>,
  request: { method: string; route: ApiRoute | undefined; adminOnly: boolean },
  named: () => Promise<StagesNamed>,
): Promise<void> | void {
  const role = actor.staffRole ?? 'admin';
  if (role === 'admin') return;
  const route = request.route ? key(request.route) : '';
  if (request.adminOnly) throw forbidden('Only an administrator may do this');
  if (OWN_ACCOUNT_WRITES.has(route)) return;
  if (role === 'observer') {
    if (isRead(request.method) && !READS_THAT_WRITE.has(route)) return;
    throw forbidden('This account may only read (observer)');
  }
  return coordinatorReach(actor.stageIds ?? [], request, route, named);
}

async function coordinatorReach(
  granted: readonly string[],
  request: { method: string; route: ApiRoute | undefined },
  route: string,
  named: () => Promise<StagesNamed>,
): Promise<void> {
  const { stageIds, stagelessObject } = request.route
    ? await named()
    : { stageIds: new Set<string>(), stagelessObject: true };
  for (const stageId of stageIds) if (!granted.includes(stageId)) throw notGranted(stageId);
  const readWithoutStage = isRead(request.method) && COORDINATOR_READS_WITHOUT_STAGE.has(route);
  // Fail closed: a path naming an olympiad, a display … is the admin's, whatever else is named.
  if (stageIds.size > 0 && !stagelessObject) return;
  if (readWithoutStage) return;
  throw forbidden(
    'Only an administrator may do this: it belongs to no stage granted to this account',
  );
}
