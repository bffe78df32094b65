import type { AuditEntry, OrganiserMe, StaffAccount } from '@olympiad/contracts';
import request from 'supertest';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';
import { createMazeStage, type StageFixture } from '../support/venue-api';

/**
 * Staff accounts (docs/security.md#staff-accounts): admins create, grant, deactivate and set
 * passwords; everyone changes their own and signs out everywhere; the last admin stays; failed
 * sign-ins back off per user name from any address, and per address. Every action leaves exactly
 * one audit row. TRUST_PROXY lets each request say its address (X-Forwarded-For), as a venue
 * behind a balancer does, so the per-address limit only meets the requests a test means it to.
 */
onEachDatabase('staff accounts on %s', (_database, venueEnv) => {
  let venue: Venue;
  let admin: string;
  let stage: StageFixture;
  let nextAddress = 1;
  /** A new client address per sign-in unless one is given. */
  const address = () => `10.9.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

  const signIn = (username: string, password: string, from = address()) =>
    request(venue.url)
      .post('/api/auth/organiser')
      .set('X-Forwarded-For', from)
      .send({ username, password });
  const tokenOf = async (username: string, password: string) =>
    (await signIn(username, password).expect(200)).body.token as string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => request(venue.url).get('/api/me').set(as(token));
  const createStaff = async (body: Partial<Record<string, unknown>>) =>
    (
      await request(venue.url)
        .post('/api/staff')
        .set(as(admin))
        .send({ password: 'a-long-password-1', stageIds: [], ...body })
        .expect(201)
    ).body as StaffAccount;
  const staffList = async () =>
    (await request(venue.url).get('/api/staff').set(as(admin)).expect(200)).body as StaffAccount[];
  const rowsOf = (accountId: string): Promise<AuditEntry[]> =>
    auditRows(venue, admin, { objectId: accountId });
  const byAction = (rows: AuditEntry[], action: string) =>
    rows.filter((row) => row.action === action);

  beforeAll(async () => {
    venue = await startVenue({ env: { ...(await venueEnv()), TRUST_PROXY: '1' } });
    admin = await tokenOf(TEST_ADMIN.username, TEST_ADMIN.password);
    stage = await createMazeStage(venue, admin, { teams: 1 });
  }, 60_000);

  afterAll(async () => {
    await venue?.stop();
  });

  it('makes the first-run account an administrator who reaches every stage', async () => {
    const self = (await me(admin).expect(200)).body as OrganiserMe;
    expect(self).toMatchObject({
      role: 'organiser',
      username: TEST_ADMIN.username,
      staffRole: 'admin',
      stageIds: [],
    });
  });

  it('creates accounts with a role and granted stages, never showing a password hash', async () => {
    const coordinator = await createStaff({
      username: 'aktobe-coordinator',
      displayName: 'Айгүл Серікқызы',
      staffRole: 'coordinator',
      stageIds: [stage.stageId],
    });
    expect(coordinator).toMatchObject({
      staffRole: 'coordinator',
      stageIds: [stage.stageId],
      active: true,
      lastSignInAt: null,
    });
    const listed = await staffList();
    expect(listed.map((account) => account.username)).toEqual(
      expect.arrayContaining([TEST_ADMIN.username, 'aktobe-coordinator']),
    );
    expect(JSON.stringify(listed)).not.toMatch(/passwordHash|\$argon|\$scrypt|a-long-password/);

    const token = await tokenOf('aktobe-coordinator', 'a-long-password-1');
    expect((await me(token).expect(200)).body).toMatchObject({
      name: 'Айгүл Серікқызы',
      staffRole: 'coordinator',
      stageIds: [stage.stageId],
    });
    expect((await staffList()).find((a) => a.id === coordinator.id)?.lastSignInAt).toEqual(
      expect.any(String),
    );

    const created = byAction(await rowsOf(coordinator.id), 'staff.create');
    expect(created).toHaveLength(1);
    expect(created[0].before).toBeNull();
    expect(created[0].after).toEqual({
      username: 'aktobe-coordinator',
      displayName: 'Айгүл Серікқызы',
      staffRole: 'coordinator',
      stageIds: [stage.stageId],
      active: true,
    });
  });

  it('refuses a taken user name (409) and a short password (400, saying how long), creating nothing', async () => {
    await createStaff({ username: 'taken-name', displayName: 'One', staffRole: 'observer' });
    const before = await staffList();
    const taken = await request(venue.url)
      .post('/api/staff')
      .set(as(admin))
      .send({
        username: 'taken-name',
        displayName: 'Two',
        password: 'a-long-password-2',
        staffRole: 'observer',
        stageIds: [],
      })
      .expect(409);
    expect(taken.body.key).toBe('staff.usernameTaken');
    const short = await request(venue.url)
      .post('/api/staff')
      .set(as(admin))
      .send({
        username: 'short-one',
        displayName: 'Short',
        password: 'short',
        staffRole: 'observer',
        stageIds: [],
      })
      .expect(400);
    expect(JSON.stringify(short.body)).toMatch(/at least 10 characters/);
    expect(await staffList()).toEqual(before);
  });

  it('changes grants and role with one audit row holding before and after', async () => {
    const account = await createStaff({
      username: 'regrant',
      displayName: 'Regrant',
      staffRole: 'observer',
    });
    const token = await tokenOf('regrant', 'a-long-password-1');
    const changed = (
      await request(venue.url)
        .patch(`/api/staff/${account.id}`)
        .set(as(admin))
        .send({ staffRole: 'coordinator', stageIds: [stage.stageId] })
        .expect(200)
    ).body as StaffAccount;
    expect(changed).toMatchObject({ staffRole: 'coordinator', stageIds: [stage.stageId] });
    // The same token, read again: the new role reaches it at its next request.
    expect((await me(token).expect(200)).body).toMatchObject({
      staffRole: 'coordinator',
      stageIds: [stage.stageId],
    });
    const updates = byAction(await rowsOf(account.id), 'staff.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].before).toEqual({ staffRole: 'observer', stageIds: [] });
    expect(updates[0].after).toEqual({ staffRole: 'coordinator', stageIds: [stage.stageId] });
  });

  it("ends a deactivated account's tokens at once and refuses its sign-in; reactivating lets it back", async () => {
    const account = await createStaff({
      username: 'leaving',
      displayName: 'Leaving',
      staffRole: 'observer',
    });
    const token = await tokenOf('leaving', 'a-long-password-1');
    await me(token).expect(200);
    await request(venue.url)
      .patch(`/api/staff/${account.id}`)
      .set(as(admin))
      .send({ active: false })
      .expect(200);
    await me(token).expect(401);
    expect((await signIn('leaving', 'a-long-password-1').expect(401)).body.key).toBe(
      'auth.accountDeactivated',
    );
    await request(venue.url)
      .patch(`/api/staff/${account.id}`)
      .set(as(admin))
      .send({ active: true })
      .expect(200);
    await me(await tokenOf('leaving', 'a-long-password-1')).expect(200);
    // A token issued before the deactivation stays ended: reactivating is not an undo.
    await me(token).expect(401);

    const rows = await rowsOf(account.id);
    expect(byAction(rows, 'staff.deactivate')).toEqual([
      expect.objectContaining({ before: { active: true }, after: { active: false } }),
    ]);
    expect(byAction(rows, 'staff.reactivate')).toEqual([
      expect.objectContaining({ before: { active: false }, after: { active: true } }),
    ]);
    expect(byAction(rows, 'staff.update')).toHaveLength(0);
  });

  it('keeps the last active administrator, and an administrator cannot deactivate themself', async () => {
    const adminId = ((await me(admin).expect(200)).body as OrganiserMe).id;
    const before = await staffList();
    const demote = await request(venue.url)
      .patch(`/api/staff/${adminId}`)
      .set(as(admin))
      .send({ staffRole: 'observer' })
      .expect(409);
    expect(demote.body.key).toBe('staff.lastAdmin');
    const self = await request(venue.url)
      .patch(`/api/staff/${adminId}`)
      .set(as(admin))
      .send({ active: false })
      .expect(409);
    expect(self.body.key).toBe('staff.deactivateSelf');
    expect(await staffList()).toEqual(before);

    // With a second administrator the first may be demoted, and then the second is the last.
    const second = await createStaff({
      username: 'second-admin',
      displayName: 'Second',
      staffRole: 'admin',
    });
    const secondToken = await tokenOf('second-admin', 'a-long-password-1');
    await request(venue.url)
      .patch(`/api/staff/${second.id}`)
      .set(as(admin))
      .send({ staffRole: 'observer' })
      .expect(200);
    await request(venue.url)
      .patch(`/api/staff/${second.id}`)
      .set(as(admin))
      .send({ staffRole: 'admin' })
      .expect(200);
    await request(venue.url)
      .patch(`/api/staff/${adminId}`)
      .set(as(secondToken))
      .send({ active: false })
      .expect(200);
    expect(
      (
        await request(venue.url)
          .patch(`/api/staff/${second.id}`)
          .set(as(secondToken))
          .send({ staffRole: 'coordinator', stageIds: [stage.stageId] })
          .expect(409)
      ).body.key,
    ).toBe('staff.lastAdmin');
    await request(venue.url)
      .patch(`/api/staff/${adminId}`)
      .set(as(secondToken))
      .send({ active: true })
      .expect(200);
    admin = await tokenOf(TEST_ADMIN.username, TEST_ADMIN.password);
  });

  it("sets another account's password: that account's tokens end, the new password signs in", async () => {
    const account = await createStaff({
      username: 'forgetful',
      displayName: 'Forgetful',
      staffRole: 'observer',
    });
    const token = await tokenOf('forgetful', 'a-long-password-1');
    await request(venue.url)
      .post(`/api/staff/${account.id}/password`)
      .set(as(admin))
      .send({ password: 'a-new-password-22' })
      .expect(204);
    await me(token).expect(401);
    await signIn('forgetful', 'a-long-password-1').expect(401);
    await me(await tokenOf('forgetful', 'a-new-password-22')).expect(200);
    const rows = byAction(await rowsOf(account.id), 'staff.passwordSet');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('a-new-password-22');
  });

  it('lets any account change its own password: a wrong current one is refused, older tokens end', async () => {
    const account = await createStaff({
      username: 'changer',
      displayName: 'Changer',
      staffRole: 'observer',
    });
    const first = await tokenOf('changer', 'a-long-password-1');
    const second = await tokenOf('changer', 'a-long-password-1');
    const wrong = await request(venue.url)
      .post('/api/auth/password')
      .set(as(first))
      .send({ currentPassword: 'not-my-password', newPassword: 'my-new-password-3' })
      .expect(403);
    expect(wrong.body.key).toBe('auth.wrongCurrentPassword');
    await me(first).expect(200);
    const changed = await request(venue.url)
      .post('/api/auth/password')
      .set(as(first))
      .send({ currentPassword: 'a-long-password-1', newPassword: 'my-new-password-3' })
      .expect(200);
    await me(first).expect(401);
    await me(second).expect(401);
    await me(changed.body.token as string).expect(200);
    await signIn('changer', 'a-long-password-1').expect(401);
    await me(await tokenOf('changer', 'my-new-password-3')).expect(200);
    expect(byAction(await rowsOf(account.id), 'auth.passwordChange')).toHaveLength(1);
  });

  it("signs out everywhere: every token of the account ends, other accounts' stay", async () => {
    const account = await createStaff({
      username: 'lost-phone',
      displayName: 'Lost phone',
      staffRole: 'observer',
    });
    const phone = await tokenOf('lost-phone', 'a-long-password-1');
    const laptop = await tokenOf('lost-phone', 'a-long-password-1');
    await request(venue.url).post('/api/auth/sign-out-everywhere').set(as(laptop)).expect(204);
    await me(phone).expect(401);
    await me(laptop).expect(401);
    await me(admin).expect(200);
    await me(await tokenOf('lost-phone', 'a-long-password-1')).expect(200);
    expect(byAction(await rowsOf(account.id), 'auth.signOutEverywhere')).toHaveLength(1);
  });

  it('backs a user name off after 5 wrong passwords, whichever address tries next', async () => {
    await createStaff({ username: 'targeted', displayName: 'Targeted', staffRole: 'observer' });
    for (let attempt = 0; attempt < 5; attempt++)
      await signIn('targeted', `wrong-password-${attempt}`, '10.1.0.1').expect(401);
    // The right password from another address still waits: the account is what backs off.
    const refused = await signIn('targeted', 'a-long-password-1', '10.2.0.2').expect(429);
    expect(refused.body.key).toBe('auth.signInBackedOff');
    expect(refused.body.message).toMatch(/try again in \d+ s/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same address signs another account in: only that user name waits.
    await signIn('changer', 'my-new-password-3', '10.2.0.2').expect(200);
    // A user name with no account backs off the same way, so the wait tells nothing.
    for (let attempt = 0; attempt < 5; attempt++)
      await signIn('nobody-here', 'wrong-password', `10.3.0.${attempt + 1}`).expect(401);
    await signIn('nobody-here', 'wrong-password', '10.3.1.1').expect(429);
  });

  it('checks no more passwords than the back-off allows when wrong ones arrive together', async () => {
    await createStaff({ username: 'raced', displayName: 'Raced', staffRole: 'observer' });
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, attempt) =>
        signIn('raced', `wrong-password-${attempt}`, `10.5.0.${attempt + 1}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    // Five free tries are checked; the rest wait, whatever order they arrive in.
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(4).fill(429)]);
  });

  it('still limits one address however many user names it tries', async () => {
    const from = '10.4.0.1';
    const answers: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++)
      answers.push((await signIn(`guess-${attempt}`, 'wrong-password', from)).status);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers.slice(10)).toEqual([429, 429]);
  });
});
