import { Body, Controller, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { routes } from '@olympiad/contracts';
import { Route } from '../common/routes/route.decorator';
import type { Actor } from './actor';
import type { Response } from 'express';
import { CurrentActor, Public, Roles } from './auth.decorators';
import {
  JudgeSignInDto,
  OrganiserSetupDto,
  OrganiserSignInDto,
  PasswordChangeDto,
} from './auth.dto';
import { AuthService } from './auth.service';
import { SignInBackedOff } from './sign-in-backoff';
import { AdminOnly } from './staff-reach';
import { TokenService } from './token.service';

/** Sign-in is rate-limited per client address: 10 tries a minute. */
const SIGN_IN_LIMIT = { default: { limit: 10, ttl: 60_000 } };

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Route(routes.auth.setupStatus)
  async setupStatus() {
    return { needsSetup: await this.auth.needsSetup() };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle(SIGN_IN_LIMIT)
  @Route(routes.auth.completeSetup)
  completeSetup(@Body() body: OrganiserSetupDto) {
    return this.auth.completeSetup(body);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle(SIGN_IN_LIMIT)
  @Route(routes.auth.signInOrganiser)
  async signInOrganiser(
    @Body() body: OrganiserSignInDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    try {
      return await this.auth.signInOrganiser(body);
    } catch (error) {
      if (error instanceof SignInBackedOff)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle(SIGN_IN_LIMIT)
  @Route(routes.auth.signInJudge)
  signInJudge(@Body() body: JudgeSignInDto) {
    return this.auth.signInJudge(body);
  }

  @ApiBearerAuth()
  @Roles('organiser', 'head-judge', 'judge')
  @Route(routes.auth.me)
  async me(@CurrentActor() actor: Actor) {
    if (actor.kind === 'organiser') return this.auth.describeStaff(actor);
    return this.auth.describeJudge(actor.id);
  }

  /** docs/security.md#token-signing-keys: administrators only. */
  @ApiBearerAuth()
  @AdminOnly()
  @Route(routes.auth.rotateTokenKey)
  rotateTokenKey() {
    return this.tokens.rotate();
  }

  /** Every staff account, observers too (docs/security.md#staff-accounts). */
  @ApiBearerAuth()
  @Route(routes.auth.changePassword)
  changePassword(@CurrentActor() actor: Actor, @Body() body: PasswordChangeDto) {
    return this.auth.changePassword(staffActor(actor), body);
  }

  @ApiBearerAuth()
  @Route(routes.auth.signOutEverywhere)
  async signOutEverywhere(@CurrentActor() actor: Actor) {
    await this.auth.signOutEverywhere(staffActor(actor));
  }
}

/** The routes above are organiser-only (the guard's default), so the actor is a staff account. */
function staffActor(actor: Actor): Extract<Actor, { kind: 'organiser' }> {
  if (actor.kind !== 'organiser') throw new Error('a staff route reached without a staff actor');
  return actor;
}
