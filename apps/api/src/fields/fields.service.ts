import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateField, SetFieldGates } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ApiError, unknownReference } from '../common/api-error';
import { DevicesQuery } from '../devices/devices.query';
import { StagesQuery } from '../stages/stages.query';
import { FieldEntity } from './field.entity';

/** The maze tables and sumo rings an organiser sets up for a stage. */
@Injectable()
export class FieldsService {
  constructor(
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
    private readonly stages: StagesQuery,
    private readonly devices: DevicesQuery,
  ) {}

  async create(input: CreateField): Promise<FieldEntity> {
    if (!(await this.stages.stageExists(input.stageId)))
      throw unknownReference('stageId', 'stage', input.stageId);
    return this.fields.save({
      id: randomUUID(),
      ...input,
      startDeviceId: null,
      finishDeviceId: null,
    });
  }

  /**
   * Which of the field's devices is its start gate and which its finish gate, or neither (one
   * device does both). Both must stand on this field: a gate elsewhere would time another table.
   */
  async setGates(fieldId: string, gates: SetFieldGates): Promise<FieldEntity> {
    const field = await this.fields.findOneBy({ id: fieldId });
    if (!field) throw unknownReference('fieldId', 'field', fieldId);
    for (const [path, deviceId] of [
      ['startDeviceId', gates.startDeviceId],
      ['finishDeviceId', gates.finishDeviceId],
    ] as const) {
      if (deviceId === null) continue;
      const device = await this.devices.deviceById(deviceId);
      if (!device) throw unknownReference(path, 'device', deviceId);
      if (device.fieldId !== fieldId)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'fields.gateNotOnField',
          `${path}: device ${deviceId} is not on this field`,
          [{ path, key: 'fields.gateNotOnField', message: 'the device is not on this field' }],
        );
    }
    await this.fields.update({ id: fieldId }, gates);
    return { ...field, ...gates };
  }

  /** The stage's fields by name. */
  list(stageId: string): Promise<FieldEntity[]> {
    return this.fields.find({ where: { stageId }, order: { name: 'ASC' } });
  }
}
