import {
  Body,
  Controller,
  Param,
  ParseUUIDPipe,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  registrationConfirmFormSchema,
  registrationPreviewFormSchema,
  routes,
} from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { invalid } from '../common/api-error';
import { Route } from '../common/routes/route.decorator';
import { RegistrationCommitsService } from './registration-commits.service';
import {
  RegistrationService,
  type ConfirmOptions,
  type UploadedTable,
} from './registration.service';
import { WritesStage } from '../federation/writes-stage.guard';

class PreviewFormDto extends createZodDto(registrationPreviewFormSchema) {}
class ConfirmFormDto extends createZodDto(registrationConfirmFormSchema) {}

/** 2,000 teams fit in well under 1 MB; 5 MB leaves room for XLSX files with pictures or styles. */
const upload = FileInterceptor('file', {
  limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10 },
});

function required(file: UploadedTable | undefined): UploadedTable {
  if (!file)
    throw invalid(
      'Attach the file as the multipart field "file"',
      [{ path: 'file', key: 'registration.noFile', message: 'no file' }],
      'registration.noFile',
    );
  return file;
}

/** Organiser only (the guard's default): import teams from a CSV or XLSX file. */
@ApiTags('registration')
@ApiBearerAuth()
@ApiConsumes('multipart/form-data')
@Controller()
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly commits: RegistrationCommitsService,
  ) {}

  /** Reads and checks the file; writes nothing. */
  @Route(routes.registration.preview)
  @UseInterceptors(upload)
  preview(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: PreviewFormDto,
  ) {
    return this.registration.preview(stageId, required(file), body.mapping);
  }

  /** Writes the good rows of the previewed file (same SHA-256) in one transaction, and answers when done. */
  @WritesStage({ param: 'stageId' })
  @Route(routes.registration.confirm)
  @UseInterceptors(upload)
  confirm(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: ConfirmFormDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commits.confirmNow(stageId, required(file), confirmOptions(body), actor);
  }

  /**
   * The same write as `confirm`, answered at once (202) with a job to poll: the console shows a
   * progress bar from it. Nothing is visible until the job is `done`; a `failed` job wrote nothing.
   */
  @WritesStage({ param: 'stageId' })
  @Route(routes.registration.startCommit)
  @UseInterceptors(upload)
  startCommit(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: ConfirmFormDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commits.start(stageId, required(file), confirmOptions(body), actor);
  }

  /** How far a commit job got (answered from memory, also while the commit holds the database). */
  @Route(routes.registration.commit)
  commit(
    @Param('stageId', ParseUUIDPipe) stageId: string,
    @Param('jobId', ParseUUIDPipe) jobId: string,
  ) {
    return this.commits.get(stageId, jobId);
  }
}

function confirmOptions(body: ConfirmFormDto): ConfirmOptions {
  return {
    mapping: body.mapping,
    fileHash: body.fileHash,
    skipInvalid: body.skipInvalid === 'true',
    fixLookalikes: body.fixLookalikes === 'true',
  };
}
