import { Controller, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import {
  routes,
  type AwardsState,
  type PublicBracket,
  type PublicQualifier,
  type PublicStageSummary,
  type StageSnapshot,
  type StandingsSnapshot,
} from '@olympiad/contracts';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { OlympiadLogoService } from '../olympiads/olympiad-logo.service';
import { PublicResults } from './public-results';

/** What anyone may read: stages that are live or closed, and published categories only. */
@ApiTags('public')
@Public()
@Controller()
export class PublicController {
  constructor(
    private readonly results: PublicResults,
    private readonly logos: OlympiadLogoService,
  ) {}

  /**
   * The olympiad's logo, cacheable for good (its address changes with every upload). An SVG is
   * shown through <img>, where scripts never run; the policy below keeps it inert if opened directly.
   */
  @Route(routes.olympiads.logo)
  async olympiadLogo(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const logo = await this.logos.get(id);
    response
      .set({
        'Content-Type': logo.contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      })
      .send(logo.bytes);
  }

  @Route(routes.public.stages)
  stagesList(): Promise<PublicStageSummary[]> {
    return this.results.stagesList();
  }

  @Route(routes.public.stage)
  stage(@Param('code') code: string): Promise<StageSnapshot> {
    return this.results.stage(code);
  }

  /** Awards ceremonies under way on the stage: only the places revealed so far. */
  @Route(routes.public.stageAwards)
  stageAwards(@Param('code') code: string): Promise<AwardsState[]> {
    return this.results.stageAwards(code);
  }

  /** Qualifiers as the organiser sent them on, for the regional and republic pages. */
  @Route(routes.public.qualifiers)
  qualifiers(@Param('code') code: string): Promise<PublicQualifier[]> {
    return this.results.qualifiers(code);
  }

  /** A published sumo category's playoff (the hall screen's bracket view); embargoed like its standings. */
  @Route(routes.public.categoryBracket)
  categoryBracket(@Param('id', ParseUUIDPipe) id: string): Promise<PublicBracket> {
    return this.results.categoryBracket(id);
  }

  @Route(routes.public.categoryStandings)
  categoryStandings(@Param('id', ParseUUIDPipe) id: string): Promise<StandingsSnapshot> {
    return this.results.categoryStandings(id);
  }
}
