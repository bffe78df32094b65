import { Body, Controller, Param, ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { routes, routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { DisplaysGateway } from './displays.gateway';
import { DisplaysService } from './displays.service';

class ClaimDisplayDto extends createZodDto(routeTable.displays.claim.body) {}
class UpdateDisplayDto extends createZodDto(routeTable.displays.update.body) {}

/** Pairing (public, rate-limited) and the organiser's list of displays. Routes without @Public() are organiser-only. */
@ApiTags('displays')
@ApiBearerAuth()
@Controller()
export class DisplaysController {
  constructor(
    private readonly displays: DisplaysService,
    private readonly gateway: DisplaysGateway,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Route(routes.displays.pair)
  pair() {
    return this.displays.pair();
  }

  @Route(routes.displays.list)
  list() {
    return this.displays.list((id) => this.gateway.isOnline(id));
  }

  @Route(routes.displays.claim)
  async claim(@Body() body: ClaimDisplayDto) {
    const { code, name, ...config } = body;
    const claimed = await this.displays.claim(code, name, config);
    this.gateway.push(claimed.id, claimed.config);
    return claimed;
  }

  @Route(routes.displays.update)
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDisplayDto) {
    const config = await this.displays.update(id, body);
    this.gateway.push(id, config);
    return { id, config };
  }

  @Route(routes.displays.remove)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.displays.remove(id);
    this.gateway.forget(id);
  }
}
