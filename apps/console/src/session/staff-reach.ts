import type { StaffRole } from '@olympiad/contracts';

/** What the console knows of the signed-in account's reach, from `GET /api/me` (docs/security.md#staff-accounts). */
export interface StaffReach {
  staffRole: StaffRole;
  /** A coordinator's granted stages; empty for administrators and observers. */
  stageIds: readonly string[];
}

/**
 * What the console offers. Stage-less actions (a new olympiad or stage, the logo, federation,
 * backups, staff) are for administrators; a stage's own writes for administrators and for the
 * coordinators it was granted to. Observers write nothing. The server refuses the same things;
 * the console only avoids offering a button that can only fail.
 */
export type ConsoleAction =
  | 'staff.manage'
  | 'olympiad.create'
  | 'olympiad.edit'
  | 'stage.create'
  | 'federation.manage'
  | 'backups.manage'
  | 'stage.write';

/** Why an action is not offered: the message key to show next to it, or null when it is. */
export type RefusalReason =
  'console.reach.readOnly' | 'console.reach.notYourStage' | 'console.reach.adminOnly';

/** An account the server names no staff role for (a server before staff accounts) is the administrator. */
export const FULL_REACH: StaffReach = { staffRole: 'admin', stageIds: [] };

export function refusalReason(
  reach: StaffReach,
  action: ConsoleAction,
  stageId?: string,
): RefusalReason | null {
  if (reach.staffRole === 'admin') return null;
  if (reach.staffRole === 'observer') return 'console.reach.readOnly';
  if (action !== 'stage.write') return 'console.reach.adminOnly';
  return stageId !== undefined && reach.stageIds.includes(stageId)
    ? null
    : 'console.reach.notYourStage';
}

/** Administrators and observers see every stage and the pages that belong to none; coordinators do not. */
export function seesEverything(reach: StaffReach): boolean {
  return reach.staffRole !== 'coordinator';
}

export function may(reach: StaffReach, action: ConsoleAction, stageId?: string): boolean {
  return refusalReason(reach, action, stageId) === null;
}
