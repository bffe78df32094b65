import { createContext, useContext } from 'react';
import { FULL_REACH, refusalReason, type ConsoleAction, type StaffReach } from './staff-reach';

/** The signed-in account's reach, for every screen below the app. */
export const StaffReachContext = createContext<StaffReach>(FULL_REACH);

export function useStaffReach(): StaffReach {
  return useContext(StaffReachContext);
}

/** Why `action` is not offered to this account (a message key), or null when it is. */
export function useRefusal(action: ConsoleAction, stageId?: string) {
  return refusalReason(useStaffReach(), action, stageId);
}
