import { Controller, Headers, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { routes, routeTable } from '@olympiad/contracts';
import { DEFAULT_LANG, parseLang } from '@olympiad/i18n';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { diplomaCheckPage } from './diploma-check-page';
import { DiplomaCodesService } from './diploma-codes.service';
import { diplomaCheckAddress } from './diploma-check-address';

class DiplomaCheckQueryDto extends createZodDto(routeTable.public.diplomaCheck.query) {}

/**
 * Anyone holding a diploma checks it here (docs/diplomas.md). Rate-limited per address, so codes
 * cannot be tried in bulk; a browser gets the page, any other client an unknown code as JSON 404.
 */
@ApiTags('public')
@Public()
@Controller()
export class DiplomaCodesController {
  constructor(
    private readonly codes: DiplomaCodesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Route(routes.public.diplomaCheck)
  async check(
    @Param('code') code: string,
    @Query() query: DiplomaCheckQueryDto,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ) {
    const found = await this.codes.check(code);
    const wantsPage = (accept ?? '').includes('text/html');
    if (!found && !wantsPage)
      throw new ApiError(404, 'errors.notFound', 'No diploma has this code');
    if (found?.embargoed && !wantsPage)
      throw new ApiError(404, 'live.notPublished', 'These results are not published yet');
    const lang = query.lang ?? parseLang(acceptLanguage?.split(',')[0]) ?? DEFAULT_LANG;
    response
      .status(found && !found.embargoed ? 200 : 404)
      .set({
        'Content-Type': routeTable.public.diplomaCheck.contentType,
        'Cache-Control': 'no-store',
      })
      .send(
        diplomaCheckPage(
          lang,
          code,
          found,
          (other) => diplomaCheckAddress(this.config.publicUrl, other),
          this.config.venueTimeZone,
        ),
      );
  }
}
