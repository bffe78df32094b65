import { routes } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';

export class OrganiserSetupDto extends createZodDto(routes.auth.completeSetup.body) {}
export class OrganiserSignInDto extends createZodDto(routes.auth.signInOrganiser.body) {}
export class JudgeSignInDto extends createZodDto(routes.auth.signInJudge.body) {}
