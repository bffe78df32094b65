import { sumoTournamentOf, type LedgerRecord, type SumoRuleSet } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

interface Match {
  id: string;
  stage: string;
  round: number;
  a?: string | null;
  b?: string | null;
  status: string;
  outcome: { winner: string | null; how: string } | null;
}

interface Tournament {
  groups: { id: string; matches: Match[] }[];
  bracket: Match[];
  warnings: { entryId: string; key: string }[];
}

interface StoredEntry {
  id: string;
  seq: number;
  kind: string;
  teamId: string | null;
  payload: Record<string, unknown>;
  supersedes: string | null;
  authorId: string;
  recordedAt: string;
  awaitsConfirmation: boolean;
}

interface Row {
  teamId: string;
  place: number | null;
  detail: Record<string, unknown>;
  provisional?: boolean;
}

type SumoEvent = { type: 'point'; side: 'a' | 'b' };

function matchEntry(categoryId: string, match: Match, events: SumoEvent[]) {
  return {
    id: randomUUID(),
    categoryId,
    teamId: null,
    kind: 'sumo.match',
    payload: { matchId: match.id, a: match.a, b: match.b, events },
    recordedAt: new Date().toISOString(),
  };
}

/** Every match that can be played now: both teams known, nothing recorded yet. */
function playable(tournament: Tournament): Match[] {
  const all = [...tournament.groups.flatMap((group) => group.matches), ...tournament.bracket];
  return all.filter((match) => match.status === 'ready' && match.a && match.b);
}

/** The matches of the lowest group round still open, else the bracket's matches that can be played. */
function nextRound(tournament: Tournament): Match[] {
  const ready = playable(tournament);
  const groupRounds = ready.filter((match) => match.stage === 'group').map((match) => match.round);
  if (groupRounds.length === 0) return ready;
  const round = Math.min(...groupRounds);
  return ready.filter((match) => match.stage === 'group' && match.round === round);
}

// Two replicas on one PostgreSQL: sumo matches are scored with the judges' entries spread over
// both replicas, a match's first round often saved through one replica and the match finished
// through the other (docs/deploy.md#writes-that-must-take-turns). The bracket advances from the
// ledger alone, so whichever replica answers, bracket and standings must be the ledger's replay.
describeOnPostgres('a sumo tournament scored through two replicas (PostgreSQL)', () => {
  let replicas: Venue[] = [];
  let auth: { Authorization: string };
  let stage: RegionalStage;
  /** A judge of both sumo categories, signed in on each replica (index = replica). */
  const judges: string[] = [];

  beforeAll(async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase() };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    const organiser = await organiserToken(replicas[0]);
    auth = { Authorization: `Bearer ${organiser}` };
    stage = await createRegionalStage(replicas[0], organiser);
    for (const [index, replica] of replicas.entries()) {
      const judge = (
        await post(replica, '/api/judges', {
          stageId: stage.stageId,
          name: `Ринг ${index + 1}`,
          role: 'judge',
          categoryIds: [stage.categories['Сумо 3–4'], stage.categories['Сумо 5–6']],
        })
      ).body;
      judges.push(await judgeToken(replica, stage.stageCode, judge.pin));
    }
  });
  afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

  const post = (replica: Venue, url: string, body: object) =>
    request(replica.url).post(url).set(auth).send(body).expect(201);
  const record = (replica: number, entry: object) =>
    request(replicas[replica].url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judges[replica]}`)
      .send(entry);
  const bracketOf = async (replica: Venue, categoryId: string) =>
    (
      await request(replica.url)
        .get(`/api/categories/${categoryId}/sumo/bracket`)
        .set(auth)
        .expect(200)
    ).body.tournament as Tournament;
  const standingsOf = async (replica: Venue, categoryId: string) =>
    (
      await request(replica.url)
        .get(`/api/categories/${categoryId}/standings`)
        .set(auth)
        .expect(200)
    ).body as { version: number; standings: { rows: Row[] } };
  /** The replica's stored standings against its replay of the ledger. */
  const expectReplayed = async (replica: Venue, categoryId: string) => {
    const verify = (
      await request(replica.url)
        .get(`/api/categories/${categoryId}/standings/verify`)
        .set(auth)
        .expect(200)
    ).body as { matches: boolean; live: { rows: Row[] }; rebuilt: { rows: Row[] } };
    expect(verify.live.rows).toEqual(verify.rebuilt.rows);
    expect(verify.matches).toBe(true);
  };
  /** Teams of `grade` in schools of their own; the map gives each team's strength (lower wins). */
  const enterTeams = async (
    categoryId: string,
    grade: number,
    schools: number,
    perSchool: number,
  ) => {
    const strength = new Map<string, number>();
    for (let s = 1; s <= schools; s++) {
      const school = (
        await post(replicas[0], '/api/schools', {
          name: `Мектеп №${grade}${s}`,
          regionCode: 'aktobe',
        })
      ).body;
      for (let t = 1; t <= perSchool; t++) {
        const team = (
          await post(replicas[0], '/api/teams', {
            stageId: stage.stageId,
            schoolId: school.id,
            categoryId,
            name: `Мектеп №${grade}${s} Барыс ${t}`,
            members: [{ name: `Ержан ${t}`, grade }],
          })
        ).body;
        strength.set(team.id, strength.size);
      }
    }
    return strength;
  };

  it('counts a match saved through one replica and finished through the other at once, on both', async () => {
    const sumo = stage.categories['Сумо 5–6'];
    await enterTeams(sumo, 5, 2, 2);
    // Replica B draws, so its in-memory projection is the stored one when it records the finish.
    await post(replicas[1], `/api/categories/${sumo}/sumo/draw`, { seed: 3 });
    const [match] = playable(await bracketOf(replicas[0], sumo));
    expect((await record(0, matchEntry(sumo, match, [{ type: 'point', side: 'a' }]))).status).toBe(
      201,
    );
    expect((await record(1, matchEntry(sumo, match, [{ type: 'point', side: 'a' }]))).status).toBe(
      201,
    );

    for (const replica of replicas) {
      const winner = (await standingsOf(replica, sumo)).standings.rows.find(
        (row) => row.teamId === match.a,
      );
      expect(winner?.detail).toMatchObject({ wins: 1, losses: 0 });
      await expectReplayed(replica, sumo);
    }
  });

  it('stores every match entry once, decides each match once, and both replicas answer the bracket and standings the ledger replays to', async () => {
    const sumo = stage.categories['Сумо 3–4'];
    const strength = await enterTeams(sumo, 4, 4, 4);
    const stronger = (match: Match) =>
      (strength.get(match.a as string) as number) < (strength.get(match.b as string) as number)
        ? 'a'
        : 'b';
    await post(replicas[0], `/api/categories/${sumo}/sumo/draw`, { seed: 7 });

    const sent: string[] = [];
    const intended = new Map<string, string>();
    let contested: { match: Match; entries: string[] } | null = null;
    for (let round = 0; ; round++) {
      const matches = nextRound(await bracketOf(replicas[round % 2], sumo));
      if (matches.length === 0) break;
      await Promise.all(
        matches.map(async (match, index) => {
          const first = (round + index) % 2;
          const side = stronger(match);
          if (match.stage === 'third-place') {
            // Two rings record the same match at once with opposite winners: the ledger keeps both,
            // the one stored first decides it, whichever replica took it.
            const claims = (['a', 'b'] as const).map((winner) =>
              matchEntry(sumo, match, [
                { type: 'point', side: winner },
                { type: 'point', side: winner },
              ]),
            );
            const answers = await Promise.all(claims.map((claim, r) => record(r, claim)));
            expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
            sent.push(...claims.map((claim) => claim.id));
            contested = { match, entries: claims.map((claim) => claim.id) };
            return;
          }
          intended.set(match.id, match[side] as string);
          // The first round saved through one replica, the match finished through the other, and
          // the finish sent again through the first (a tablet that did not hear the answer).
          const saved = matchEntry(sumo, match, [{ type: 'point', side }]);
          const finished = matchEntry(sumo, match, [{ type: 'point', side }]);
          expect((await record(first, saved)).status).toBe(201);
          expect((await record(1 - first, finished)).status).toBe(201);
          const again = await record(first, finished);
          expect(again.status).toBe(200);
          expect(again.body.duplicate).toBe(true);
          sent.push(saved.id, finished.id);
        }),
      );
      await expectReplayed(replicas[round % 2], sumo);
    }

    const ledger = (
      await request(replicas[1].url).get(`/api/categories/${sumo}/ledger`).set(auth).expect(200)
    ).body as StoredEntry[];
    const matchEntries = ledger.filter((entry) => entry.kind === 'sumo.match');
    expect(matchEntries.map((entry) => entry.id).sort()).toEqual([...sent].sort());

    const [fromA, fromB] = [await bracketOf(replicas[0], sumo), await bracketOf(replicas[1], sumo)];
    expect(fromB).toEqual(fromA);
    const category = (
      await request(replicas[0].url).get(`/api/categories/${sumo}`).set(auth).expect(200)
    ).body;
    const teams = [...strength.keys()].map((id) => ({ id, name: id, status: 'active' as const }));
    const replayed = sumoTournamentOf(
      category.ruleSet as SumoRuleSet,
      teams,
      ledger.map((entry): LedgerRecord => ({
        id: entry.id,
        seq: entry.seq,
        kind: entry.kind,
        teamId: entry.teamId,
        payload: entry.payload,
        supersedes: entry.supersedes,
        authorId: entry.authorId,
        recordedAt: entry.recordedAt,
      })),
    );
    const played = (tournament: Tournament | typeof replayed) =>
      [...tournament.groups.flatMap((group) => group.matches), ...tournament.bracket].map(
        (match) => ({ id: match.id, a: match.a, b: match.b, outcome: match.outcome }),
      );
    expect(played(fromA)).toEqual(played(replayed));

    // Each match decided once: as its judges meant, or, contested, by the entry stored first.
    const all = [...fromA.groups.flatMap((group) => group.matches), ...fromA.bracket];
    for (const match of all) {
      if (match.stage === 'third-place') continue;
      expect({ match: match.id, winner: match.outcome?.winner }).toEqual({
        match: match.id,
        winner: intended.get(match.id),
      });
    }
    const final = all.find((match) => match.stage === 'final');
    expect(final?.status).toBe('finished');
    expect(contested).not.toBeNull();
    const { match: third, entries: claims } = contested as unknown as {
      match: Match;
      entries: string[];
    };
    const seqOf = (id: string) => ledger.find((entry) => entry.id === id)?.seq as number;
    const [firstClaim, lateClaim] = [...claims].sort((x, y) => seqOf(x) - seqOf(y));
    const thirdNow = fromA.bracket.find((match) => match.id === third.id);
    expect(thirdNow?.outcome?.winner).toBe(firstClaim === claims[0] ? third.a : third.b);
    expect(fromA.warnings.map((warning) => warning.entryId)).toEqual([lateClaim]);

    const snapshots = [];
    for (const replica of replicas) {
      await expectReplayed(replica, sumo);
      snapshots.push(await standingsOf(replica, sumo));
    }
    expect(snapshots[1].version).toBe(snapshots[0].version);
    expect(snapshots[1].standings).toEqual(snapshots[0].standings);
    const champion = snapshots[0].standings.rows.find((row) => row.place === 1);
    expect(champion?.teamId).toBe(final?.outcome?.winner);
  });
});
