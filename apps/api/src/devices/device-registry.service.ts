import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateDevice } from '@olympiad/contracts';
import { Repository } from 'typeorm';
import { hashSecret, randomCode } from '../auth/secret-hash';
import { conflict, unknownReference } from '../common/api-error';
import { FieldEntity } from '../fields/field.entity';
import { DeviceEntity } from './device.entity';
import { mosquittoHash } from './mosquitto-files';

export interface RegisteredDevice {
  id: string;
  fieldId: string | null;
  label: string;
  /** Shown once: only hashes are stored. */
  secret: string;
}

@Injectable()
export class DeviceRegistryService {
  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
  ) {}

  async register(input: CreateDevice): Promise<RegisteredDevice> {
    if (input.fieldId && !(await this.fields.existsBy({ id: input.fieldId }))) {
      throw unknownReference('fieldId', 'field', input.fieldId);
    }
    if (await this.devices.existsBy({ id: input.id })) {
      throw conflict('devices.idTaken', `A device ${input.id} is already registered`);
    }
    const secret = randomCode(20);
    await this.devices.save({
      id: input.id,
      fieldId: input.fieldId ?? null,
      label: input.label,
      secretHash: await hashSecret(secret),
      mosquittoHash: mosquittoHash(secret),
      createdAt: new Date().toISOString(),
    });
    return { id: input.id, fieldId: input.fieldId ?? null, label: input.label, secret };
  }
}
