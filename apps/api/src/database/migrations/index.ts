import { InitialSchema1732300000000 } from './1732300000000-initial-schema';
import { SensorsAndRuns1732400000000 } from './1732400000000-sensors-and-runs';
import { OrganiserConsole1732700000000 } from './1732700000000-organiser-console';
import { HeldEntries1732800000000 } from './1732800000000-held-entries';
import { OlympiadLogo1732900000000 } from './1732900000000-olympiad-logo';
import { StandingTimePrecision1733000000000 } from './1733000000000-standing-time-precision';
import { StandingUnconfirmed1733100000000 } from './1733100000000-standing-unconfirmed';
import { LedgerAwaitsConfirmation1733200000000 } from './1733200000000-ledger-awaits-confirmation';
import { Federation1733300000000 } from './1733300000000-federation';
import { StandingProvisional1733450000000 } from './1733450000000-standing-provisional';
import { FieldRunOrder1733500000000 } from './1733500000000-field-run-order';
import { AuditRecord1733600000000 } from './1733600000000-audit-record';
import { DevicePreviousBoot1733700000000 } from './1733700000000-device-previous-boot';
import { StaffAccounts1733840000000 } from './1733840000000-staff-accounts';
import { Protests1733860000000 } from './1733860000000-protests';
import { RingMatchClaim1733900000000 } from './1733900000000-ring-match-claim';
import { Inspections1733950000000 } from './1733950000000-inspections';
import { QualificationRule1734120000000 } from './1734120000000-qualification-rule';
import { DiplomaCode1734130000000 } from './1734130000000-diploma-code';
import { DoubleEntry1734160000000 } from './1734160000000-double-entry';
import { GateLayout1734150000000 } from './1734150000000-gate-layout';

/** Every migration in order; listed explicitly so the built server needs no file globbing. */
export const MIGRATIONS = [
  InitialSchema1732300000000,
  SensorsAndRuns1732400000000,
  OrganiserConsole1732700000000,
  HeldEntries1732800000000,
  OlympiadLogo1732900000000,
  StandingTimePrecision1733000000000,
  StandingUnconfirmed1733100000000,
  LedgerAwaitsConfirmation1733200000000,
  Federation1733300000000,
  StandingProvisional1733450000000,
  FieldRunOrder1733500000000,
  AuditRecord1733600000000,
  DevicePreviousBoot1733700000000,
  StaffAccounts1733840000000,
  Protests1733860000000,
  RingMatchClaim1733900000000,
  Inspections1733950000000,
  QualificationRule1734120000000,
  DiplomaCode1734130000000,
  GateLayout1734150000000,
  DoubleEntry1734160000000,
];
