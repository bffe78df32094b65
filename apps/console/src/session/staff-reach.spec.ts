import {
  may,
  refusalReason,
  seesEverything,
  type ConsoleAction,
  type StaffReach,
} from './staff-reach';

const STAGE_LESS: ConsoleAction[] = [
  'staff.manage',
  'olympiad.create',
  'olympiad.edit',
  'stage.create',
  'federation.manage',
  'backups.manage',
];

const admin: StaffReach = { staffRole: 'admin', stageIds: [] };
const coordinator: StaffReach = { staffRole: 'coordinator', stageIds: ['s-north'] };
const observer: StaffReach = { staffRole: 'observer', stageIds: [] };

describe('what a staff role is offered', () => {
  it('offers an administrator every action, on every stage', () => {
    for (const action of [...STAGE_LESS, 'stage.write' as const])
      expect(may(admin, action, 's-any')).toBe(true);
  });

  it('offers a coordinator the writes of their granted stages only', () => {
    expect(may(coordinator, 'stage.write', 's-north')).toBe(true);
    expect(refusalReason(coordinator, 'stage.write', 's-south')).toBe('console.reach.notYourStage');
    expect(may(coordinator, 'stage.write')).toBe(false);
  });

  it('offers a coordinator none of the actions that belong to no stage', () => {
    for (const action of STAGE_LESS)
      expect(refusalReason(coordinator, action, 's-north')).toBe('console.reach.adminOnly');
  });

  it('shows administrators and observers every page, coordinators only their stages', () => {
    expect([admin, coordinator, observer].map(seesEverything)).toEqual([true, false, true]);
  });

  it('offers an observer no write at all, with the read-only reason', () => {
    for (const action of [...STAGE_LESS, 'stage.write' as const])
      expect(refusalReason(observer, action, 's-north')).toBe('console.reach.readOnly');
  });
});
