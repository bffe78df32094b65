import { Body, Controller, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { DeviceRegistryService } from './device-registry.service';
import { WritesStage } from '../federation/writes-stage.guard';

class CreateDeviceDto extends createZodDto(routeTable.devices.register.body) {}
class MosquittoFilesDto extends createZodDto(routeTable.devices.mosquittoFiles.body) {}

@ApiTags('devices')
@ApiBearerAuth()
@Controller()
export class DevicesController {
  constructor(private readonly registry: DeviceRegistryService) {}

  /**
   * Registers a sensor controller; its MQTT secret is in this answer and nowhere else, ever, with
   * the bridge configuration (`bridge --config`) pointing at the broker on the address the
   * organiser reached this server by.
   */
  @WritesStage({ body: 'fieldId', of: 'field' })
  @Route(routes.devices.register)
  create(@Body() body: CreateDeviceDto, @Req() request: Request, @CurrentActor() actor: Actor) {
    return this.registry.register(body, request.hostname, actor);
  }

  /**
   * Password, ACL and config files for an external Mosquitto (MQTT_URL) that enforce the same
   * rules as the embedded broker. The server's own account comes from the body, every device's
   * from its stored hash.
   */
  @Route(routes.devices.mosquittoFiles)
  mosquittoFiles(@Body() body: MosquittoFilesDto) {
    return this.registry.mosquittoFiles(body);
  }

  @Route(routes.devices.list)
  list(@Param('stageId', ParseUUIDPipe) stageId: string) {
    return this.registry.devicesOfStage(stageId);
  }
}
