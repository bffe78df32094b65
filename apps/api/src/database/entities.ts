import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { OrganiserAccountEntity } from '../auth/organiser-account.entity';
import { SignInBackoffEntity } from '../auth/sign-in-backoff.entity';
import { StaffStageGrantEntity } from '../auth/staff-stage-grant.entity';
import { CategoryEntity } from '../categories/category.entity';
import { DeviceEntity } from '../devices/device.entity';
import { FederationAckEntity } from '../federation/federation-ack.entity';
import { FederationConflictEntity } from '../federation/federation-conflict.entity';
import { RepublicLinkEntity } from '../federation/republic-link.entity';
import { VenueLinkEntity } from '../federation/venue-link.entity';
import { FieldEntity } from '../fields/field.entity';
import { HeldEntryEntity } from '../held-entries/held-entry.entity';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { JudgeEntity } from '../judges/judge.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { OlympiadLogoEntity } from '../olympiads/olympiad-logo.entity';
import { ProtestAttachmentEntity } from '../protests/protest-attachment.entity';
import { ProtestEntity } from '../protests/protest.entity';
import { InspectionEntity } from '../inspections/inspection.entity';
import { RingMatchClaimEntity } from '../field-queues/ring-match-claim.entity';
import { QualificationEntryEntity } from '../qualification/qualification-entry.entity';
import { RegionEntity } from '../regions/region.entity';
import { SchoolEntity } from '../schools/school.entity';
import { AppSettingEntity } from '../settings/app-setting.entity';
import { StageEntity } from '../stages/stage.entity';
import { FieldRunEntity } from '../runs/field-run.entity';
import { SensorEventEntity } from '../sensors/sensor-event.entity';
import { StandingEntity } from '../standings/standing.entity';
import { TeamMemberEntity } from '../teams/team-member.entity';
import { TeamEntity } from '../teams/team.entity';
import { QualificationRuleEntity } from '../qualification/qualification-rule.entity';
import { DiplomaCodeEntity } from '../diploma-codes/diploma-code.entity';
import { DoubleEntryEntity } from '../double-entry/double-entry.entity';

export const ENTITIES = [
  AppSettingEntity,
  OrganiserAccountEntity,
  RegionEntity,
  OlympiadEntity,
  StaffStageGrantEntity,
  SignInBackoffEntity,
  OlympiadLogoEntity,
  StageEntity,
  SchoolEntity,
  CategoryEntity,
  TeamEntity,
  TeamMemberEntity,
  FieldEntity,
  DeviceEntity,
  JudgeEntity,
  JudgeAssignmentEntity,
  LedgerEntryEntity,
  StandingEntity,
  SensorEventEntity,
  FieldRunEntity,
  QualificationEntryEntity,
  HeldEntryEntity,
  VenueLinkEntity,
  FederationConflictEntity,
  RepublicLinkEntity,
  FederationAckEntity,
  AuditEntryEntity,
  ProtestEntity,
  ProtestAttachmentEntity,
  InspectionEntity,
  RingMatchClaimEntity,
  QualificationRuleEntity,
  DiplomaCodeEntity,
  DoubleEntryEntity,
];
