import { routeTable } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';

export class OrganiserSetupDto extends createZodDto(routeTable.auth.completeSetup.body) {}
export class OrganiserSignInDto extends createZodDto(routeTable.auth.signInOrganiser.body) {}
export class JudgeSignInDto extends createZodDto(routeTable.auth.signInJudge.body) {}
export class PasswordChangeDto extends createZodDto(routeTable.auth.changePassword.body) {}
