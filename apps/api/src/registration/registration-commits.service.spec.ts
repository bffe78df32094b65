import type { RegistrationResult } from '@olympiad/contracts';
import { ApiError } from '../common/api-error';
import { RegistrationCommitsService } from './registration-commits.service';
import type { CommitProgress, RegistrationService } from './registration.service';

const file = { originalname: 'teams.csv', buffer: Buffer.from('x') };
const options = { fileHash: 'a'.repeat(64), skipInvalid: false, fixLookalikes: true };
const result: RegistrationResult = { teamsCreated: 4, schoolsCreated: 1, skippedRows: [] };

/** A registration whose write the test drives step by step. */
function scriptedRegistration() {
  let report: (progress: CommitProgress) => void = () => undefined;
  let finish: (outcome: RegistrationResult | Error) => void = () => undefined;
  const registration = {
    prepare: jest.fn(async () => ({ stage: {}, file, options })),
    write: jest.fn(
      (_prepared: unknown, onProgress: (progress: CommitProgress) => void) =>
        new Promise<RegistrationResult>((resolve, reject) => {
          report = onProgress;
          finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
        }),
    ),
  };
  return {
    sut: new RegistrationCommitsService(registration as unknown as RegistrationService),
    registration,
    report: (progress: Partial<CommitProgress> & Pick<CommitProgress, 'phase'>) =>
      report({ teamsWritten: 0, teamsTotal: 0, categoriesDone: 0, categoriesTotal: 0, ...progress }),
    finish: async (outcome: RegistrationResult | Error) => {
      finish(outcome);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('registration commit jobs', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('reports the rows written and a percentage that only goes forward, then the result', async () => {
    const { sut, report, finish } = scriptedRegistration();
    const job = await sut.start('stage-1', file, options);
    expect(job).toMatchObject({ state: 'running', phase: 'checking', percent: 0, result: null });

    report({ phase: 'writing', teamsWritten: 0, teamsTotal: 2000 });
    expect(sut.get('stage-1', job.id)).toMatchObject({ phase: 'writing', teamsWritten: 0, teamsTotal: 2000, percent: 5 });
    report({ phase: 'writing', teamsWritten: 1000, teamsTotal: 2000 });
    const halfway = sut.get('stage-1', job.id);
    expect(halfway.teamsWritten).toBe(1000);
    expect(halfway.percent).toBeGreaterThan(40);
    expect(halfway.percent).toBeLessThan(60);
    report({ phase: 'standings', teamsWritten: 2000, teamsTotal: 2000, categoriesDone: 1, categoriesTotal: 4 });
    expect(sut.get('stage-1', job.id).percent).toBeGreaterThan(90);

    await finish(result);
    expect(sut.get('stage-1', job.id)).toMatchObject({ state: 'done', phase: 'done', percent: 100, result, error: null });
  });

  it('keeps a failure with its error key, and lets the stage commit again', async () => {
    const { sut, finish, registration } = scriptedRegistration();
    const job = await sut.start('stage-1', file, options);
    await expect(sut.start('stage-1', file, options)).rejects.toMatchObject({ key: 'registration.commitRunning' });
    await finish(new ApiError(400, 'registration.hasErrors', '3 rows have errors'));
    expect(sut.get('stage-1', job.id)).toMatchObject({
      state: 'failed',
      result: null,
      error: { statusCode: 400, key: 'registration.hasErrors', message: '3 rows have errors' },
    });
    await sut.start('stage-1', file, options);
    expect(registration.write).toHaveBeenCalledTimes(2);
  });

  it('does not show one stage’s job under another, and forgets finished jobs after a while', async () => {
    const { sut, finish } = scriptedRegistration();
    const job = await sut.start('stage-1', file, options);
    expect(() => sut.get('stage-2', job.id)).toThrow(expect.objectContaining({ key: 'errors.notFound' }));
    await finish(result);
    jest.advanceTimersByTime(16 * 60_000);
    expect(() => sut.get('stage-1', job.id)).toThrow(expect.objectContaining({ key: 'errors.notFound' }));
  });

  it('starts no job when the quick checks refuse (file changed, stage closed)', async () => {
    const { sut, registration } = scriptedRegistration();
    registration.prepare.mockRejectedValueOnce(new ApiError(409, 'registration.fileChanged', 'not the previewed file'));
    await expect(sut.start('stage-1', file, options)).rejects.toMatchObject({ key: 'registration.fileChanged' });
    expect(registration.write).not.toHaveBeenCalled();
  });
});
