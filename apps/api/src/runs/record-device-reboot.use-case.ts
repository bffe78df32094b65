import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldRunQueue } from './field-run-queue';
import { RunAnnouncer } from './run-announcer';
import { asActive, nextRunStep } from './run-state';
import { activeRunOf, storeRunProgress } from './run-statements';

/**
 * A field device came back with another boot id: a run started in an earlier boot can no longer be
 * timed by it (clocks of different boots are not comparable, docs/sensor-contract.md), so the run
 * needs manual timing. A run its new boot started (the status can arrive after that start) runs on.
 */
@Injectable()
export class RecordDeviceRebootUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: FieldRunQueue,
    private readonly announcer: RunAnnouncer,
  ) {}

  async execute(deviceId: string, fieldId: string | null, boot: string): Promise<void> {
    if (!fieldId) return;
    await this.queue.run(fieldId, async () => {
      const active = await activeRunOf(this.dataSource.manager, fieldId);
      if (!active) return;
      const step = nextRunStep(asActive(active.run, active.start), {
        kind: 'boot',
        deviceId,
        boot,
      });
      if (step.kind !== 'needs-manual-timing') return;
      Object.assign(active.run, { state: 'needs-manual-timing', reason: step.reason });
      await storeRunProgress(this.dataSource.manager, active.run);
      this.announcer.announce(active.run);
    });
  }
}
