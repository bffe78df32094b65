import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type OlympiadSummary, routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { OlympiadsService } from './olympiads.service';

class CreateOlympiadDto extends createZodDto(routeTable.olympiads.create.body) {}
class OlympiadLogoDto extends createZodDto(routeTable.olympiads.putLogo.body) {}

@ApiTags('olympiads')
@ApiBearerAuth()
@Controller()
export class OlympiadsController {
  constructor(private readonly olympiads: OlympiadsService) {}

  @Route(routes.olympiads.list)
  list(): Promise<OlympiadSummary[]> {
    return this.olympiads.list();
  }

  @Route(routes.olympiads.get)
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.olympiads.get(id);
  }

  @Route(routes.olympiads.create)
  create(@Body() body: CreateOlympiadDto) {
    return this.olympiads.create(body);
  }

  @Route(routes.olympiads.putLogo)
  putLogo(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OlympiadLogoDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.olympiads.putLogo(id, body.data, actor);
  }

  @Route(routes.olympiads.removeLogo)
  removeLogo(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.olympiads.removeLogo(id, actor);
  }
}
