import { Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { routes } from '@olympiad/contracts';
import type { Response } from 'express';
import { register } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';

/**
 * Prometheus scrapes each replica here. Public like /api/health: the numbers name no team and no
 * score, and a scraper on the venue LAN holds no organiser token (docs/deploy.md).
 */
@ApiTags('health')
@Public()
@Controller()
export class MetricsController {
  @Route(routes.health.metrics)
  async metrics(@Res() response: Response): Promise<void> {
    const text = await register.metrics();
    response.setHeader('Content-Type', register.contentType);
    response.send(text);
  }
}
