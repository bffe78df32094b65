import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ApiErrorBody, RegistrationCommitJob } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../audit/audit-recorder';
import { ApiError, conflict, notFound } from '../common/api-error';
import { commitPercent } from './commit-progress';
import { RegistrationService, type ConfirmOptions, type UploadedTable } from './registration.service';

/** How long a finished job can still be asked about. */
const KEEP_FINISHED_MS = 15 * 60_000;

/**
 * Confirmed imports written in the background so the console can show how far they got: the job
 * lives in memory only (a restart mid-commit rolls its transaction back, so there is nothing to
 * resume), and asking about it never touches the database, which the commit holds meanwhile.
 */
@Injectable()
export class RegistrationCommitsService implements OnApplicationShutdown {
  private readonly logger = new Logger('RegistrationCommits');
  private readonly jobs = new Map<string, RegistrationCommitJob>();
  private readonly running = new Set<Promise<unknown>>();
  /** Stages with a save under way (a job or a direct confirm): one at a time per stage. */
  private readonly busy = new Set<string>();

  constructor(private readonly registration: RegistrationService) {}

  /** Checks what can be checked at once (stage, file hash), then starts writing; one commit per stage at a time. */
  async start(
    stageId: string,
    file: UploadedTable,
    options: ConfirmOptions,
    actor?: AuditActor,
  ): Promise<RegistrationCommitJob> {
    this.claim(stageId);
    let prepared: Awaited<ReturnType<RegistrationService['prepare']>>;
    try {
      prepared = await this.registration.prepare(stageId, file, options, actor);
    } catch (error) {
      this.busy.delete(stageId);
      throw error;
    }
    const job: RegistrationCommitJob = {
      id: randomUUID(),
      stageId,
      state: 'running',
      phase: 'checking',
      teamsWritten: 0,
      teamsTotal: 0,
      percent: 0,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const work = this.registration
      .write(prepared, (progress) => {
        job.phase = progress.phase;
        job.teamsWritten = progress.teamsWritten;
        job.teamsTotal = progress.teamsTotal;
        job.percent = Math.max(job.percent, Math.round(commitPercent(progress)));
      })
      .then(
        (result) => Object.assign(job, { state: 'done', phase: 'done', percent: 100, result }),
        (error: unknown) => {
          job.state = 'failed';
          job.error = errorBody(error);
          if (job.error.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
        },
      )
      .finally(() => {
        this.busy.delete(stageId);
        this.running.delete(work);
        setTimeout(() => this.jobs.delete(job.id), KEEP_FINISHED_MS).unref();
      });
    this.running.add(work);
    return { ...job };
  }

  /**
   * The direct save (POST …/confirm), under the same one-at-a-time rule: on PostgreSQL two saves
   * of one file at once would both pass the duplicate check and write every team twice.
   */
  async confirmNow(
    stageId: string,
    file: UploadedTable,
    options: ConfirmOptions,
    actor?: AuditActor,
  ) {
    this.claim(stageId);
    try {
      return await this.registration.confirm(stageId, file, options, undefined, actor);
    } finally {
      this.busy.delete(stageId);
    }
  }

  private claim(stageId: string): void {
    if (this.busy.has(stageId)) {
      throw conflict('registration.commitRunning', 'An import into this stage is being saved; wait for it to finish');
    }
    this.busy.add(stageId);
  }

  get(stageId: string, jobId: string): RegistrationCommitJob {
    const job = this.jobs.get(jobId);
    if (!job || job.stageId !== stageId) throw notFound('Import job', jobId);
    return { ...job };
  }

  /** A job still writing at shutdown finishes (or rolls back) before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}

function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.toBody();
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, key: 'errors.internal', message: 'The import could not be saved; nothing was written' };
}
