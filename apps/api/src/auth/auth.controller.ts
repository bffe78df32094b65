import { Body, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { routes } from '@olympiad/contracts';
import { Route } from '../common/routes/route.decorator';
import type { Actor } from './actor';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { JudgeSignInDto, OrganiserSetupDto, OrganiserSignInDto } from './auth.dto';
import { AuthService } from './auth.service';
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
  signInOrganiser(@Body() body: OrganiserSignInDto) {
    return this.auth.signInOrganiser(body);
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
    if (actor.kind === 'organiser') return { role: actor.role, name: actor.name, id: actor.id };
    return this.auth.describeJudge(actor.id);
  }

  /** docs/security.md#token-signing-keys: organiser only (the default). */
  @ApiBearerAuth()
  @Route(routes.auth.rotateTokenKey)
  rotateTokenKey() {
    return this.tokens.rotate();
  }
}
