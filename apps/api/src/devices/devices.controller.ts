import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { createDeviceSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { In, Repository } from 'typeorm';
import { hashSecret, randomCode } from '../auth/secret-hash';
import { conflict, unknownReference } from '../common/api-error';
import { FieldEntity } from '../fields/field.entity';
import { DeviceEntity } from './device.entity';

class CreateDeviceDto extends createZodDto(createDeviceSchema) {}

@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class DevicesController {
  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
  ) {}

  /** Registers a sensor controller; its MQTT secret is in this answer and nowhere else, ever. */
  @Post('devices')
  async create(@Body() body: CreateDeviceDto) {
    if (body.fieldId && !(await this.fields.existsBy({ id: body.fieldId }))) {
      throw unknownReference('fieldId', 'field', body.fieldId);
    }
    if (await this.devices.existsBy({ id: body.id })) {
      throw conflict('devices.idTaken', `A device ${body.id} is already registered`);
    }
    const secret = randomCode(20);
    const device = await this.devices.save({
      id: body.id,
      fieldId: body.fieldId ?? null,
      label: body.label,
      secretHash: await hashSecret(secret),
      createdAt: new Date().toISOString(),
    });
    return { id: device.id, fieldId: device.fieldId, label: device.label, secret };
  }

  @Get('stages/:stageId/devices')
  async list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    const fields = await this.fields.findBy({ stageId });
    const devices = await this.devices.findBy({ fieldId: In(fields.map((field) => field.id)) });
    return devices.map(({ secretHash: _hidden, ...device }) => device);
  }
}
