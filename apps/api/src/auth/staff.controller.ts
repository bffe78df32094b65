import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from './actor';
import { CurrentActor } from './auth.decorators';
import { AdminOnly } from './staff-reach';
import { Route } from '../common/routes/route.decorator';
import { StaffService } from './staff.service';

class StaffCreateDto extends createZodDto(routeTable.staff.create.body) {}
class StaffUpdateDto extends createZodDto(routeTable.staff.update.body) {}
class StaffPasswordSetDto extends createZodDto(routeTable.staff.setPassword.body) {}

/** Staff accounts (docs/security.md#staff-accounts): administrators only, reads too. */
@ApiTags('staff')
@ApiBearerAuth()
@AdminOnly()
@Controller()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Route(routes.staff.list)
  list() {
    return this.staff.list();
  }

  @Route(routes.staff.create)
  create(@CurrentActor() actor: Actor, @Body() body: StaffCreateDto) {
    return this.staff.create(staffActor(actor), body);
  }

  @Route(routes.staff.update)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffUpdateDto,
  ) {
    return this.staff.update(staffActor(actor), id, body);
  }

  @Route(routes.staff.setPassword)
  async setPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StaffPasswordSetDto,
  ) {
    await this.staff.setPassword(staffActor(actor), id, body);
  }
}

/** Organiser-only routes (the guard's default): the actor is a staff account. */
function staffActor(actor: Actor): Extract<Actor, { kind: 'organiser' }> {
  if (actor.kind !== 'organiser') throw new Error('a staff route reached without a staff actor');
  return actor;
}
