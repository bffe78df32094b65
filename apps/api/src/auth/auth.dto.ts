import { judgeSignInSchema, organiserSetupSchema, organiserSignInSchema } from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';

export class OrganiserSetupDto extends createZodDto(organiserSetupSchema) {}
export class OrganiserSignInDto extends createZodDto(organiserSignInSchema) {}
export class JudgeSignInDto extends createZodDto(judgeSignInSchema) {}
