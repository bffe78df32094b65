import { Body, Controller, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { routes } from '@olympiad/contracts';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  mosquittoAclFile,
  mosquittoConfig,
  mosquittoHash,
  mosquittoPasswordFile,
} from './mosquitto-files';
import { In, Repository } from 'typeorm';
import { Route } from '../common/routes/route.decorator';
import { FieldEntity } from '../fields/field.entity';
import { DeviceEntity } from './device.entity';
import { DeviceRegistryService } from './device-registry.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateDeviceDto extends createZodDto(routes.devices.register.body) {}
class MosquittoFilesDto extends createZodDto(routes.devices.mosquittoFiles.body) {}

@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class DevicesController {
  constructor(
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    @InjectRepository(FieldEntity) private readonly fields: Repository<FieldEntity>,
    private readonly registry: DeviceRegistryService,
  ) {}

  /**
   * Registers a sensor controller; its MQTT secret is in this answer and nowhere else, ever, with
   * the bridge configuration (`bridge --config`) pointing at the broker on the address the
   * organiser reached this server by.
   */
  @WritesStage({ body: 'fieldId', of: 'field' })
  @Route(routes.devices.register)
  create(@Body() body: CreateDeviceDto, @Req() request: Request) {
    return this.registry.register(body, request.hostname);
  }

  /**
   * Password, ACL and config files for an external Mosquitto (MQTT_URL) that enforce the same
   * rules as the embedded broker. The server's own account comes from the body, every device's
   * from its stored hash.
   */
  @Route(routes.devices.mosquittoFiles)
  async mosquittoFiles(@Body() body: MosquittoFilesDto) {
    const devices = await this.devices.find({ order: { id: 'ASC' } });
    const withHash = devices.filter((device) => device.mosquittoHash);
    return {
      passwd: mosquittoPasswordFile([
        { username: body.serverUsername, hash: mosquittoHash(body.serverPassword) },
        ...withHash.map((device) => ({
          username: device.id,
          hash: device.mosquittoHash as string,
        })),
      ]),
      acl: mosquittoAclFile(
        withHash.map((device) => device.id),
        body.serverUsername,
      ),
      conf: mosquittoConfig(body.port),
    };
  }

  @Route(routes.devices.list)
  async list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    const fields = await this.fields.findBy({ stageId });
    const devices = await this.devices.findBy({ fieldId: In(fields.map((field) => field.id)) });
    return devices.map(({ secretHash: _hidden, mosquittoHash: _alsoHidden, ...device }) => device);
  }
}
