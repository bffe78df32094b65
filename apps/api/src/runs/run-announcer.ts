import { Injectable, Logger } from '@nestjs/common';
import type { RunState } from '@olympiad/contracts';
import { LiveService } from '../live/live.service';
import type { SensorEventRow } from '../sensors/sensor-events.query';
import type { FieldRunEntity } from './field-run.entity';
import { toPublicRun, toRunState, toUnassigned } from './run-state';

/** Tells the field's staff room and the public stage room what happened to a field's run. */
@Injectable()
export class RunAnnouncer {
  private readonly logger = new Logger('RunTiming');

  constructor(private readonly live: LiveService) {}

  /** The run's new state to the field's screens; returns it. */
  announce(run: FieldRunEntity): RunState {
    const state = toRunState(run.fieldId, run);
    this.emit(state);
    return state;
  }

  emit(state: RunState): void {
    this.live.toFieldStaff(state.fieldId)?.emit('run:state', state);
    void this.live
      .publicRunChanged(toPublicRun(state))
      .catch((error: Error) => this.logger.warn(`Public run update failed: ${error.message}`));
  }

  /** A gate event no run claimed, for the judge to attach. */
  unassigned(fieldId: string, event: SensorEventRow): void {
    this.live.toFieldStaff(fieldId)?.emit('sensor:unassigned', toUnassigned(event));
  }
}
