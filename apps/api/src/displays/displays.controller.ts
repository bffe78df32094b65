import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { claimDisplaySchema, updateDisplaySchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../auth/auth.decorators';
import { DisplaysGateway } from './displays.gateway';
import { DisplaysService } from './displays.service';

class ClaimDisplayDto extends createZodDto(claimDisplaySchema) {}
class UpdateDisplayDto extends createZodDto(updateDisplaySchema) {}

/** Pairing (public, rate-limited) and the organiser's list of displays. Routes without @Public() are organiser-only. */
@ApiTags('displays')
@ApiBearerAuth()
@Controller('displays')
export class DisplaysController {
  constructor(
    private readonly displays: DisplaysService,
    private readonly gateway: DisplaysGateway,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('pairing')
  pair() {
    return this.displays.pair();
  }

  @Get()
  list() {
    return this.displays.list((id) => this.gateway.isOnline(id));
  }

  @HttpCode(200)
  @Post('claim')
  async claim(@Body() body: ClaimDisplayDto) {
    const { code, name, ...config } = body;
    const claimed = await this.displays.claim(code, name, config);
    this.gateway.push(claimed.id, claimed.config);
    return claimed;
  }

  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateDisplayDto) {
    const config = await this.displays.update(id, body);
    this.gateway.push(id, config);
    return { id, config };
  }

  @HttpCode(204)
  @Delete(':id')
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.displays.remove(id);
    this.gateway.forget(id);
  }
}
