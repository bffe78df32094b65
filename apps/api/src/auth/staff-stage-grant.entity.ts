import { Entity, PrimaryColumn } from 'typeorm';

/** A stage a coordinator's account reaches (docs/security.md#staff-accounts). */
@Entity('staff_stage_grant')
export class StaffStageGrantEntity {
  @PrimaryColumn('varchar', { length: 36 })
  accountId!: string;

  @PrimaryColumn('varchar', { length: 36 })
  stageId!: string;
}
