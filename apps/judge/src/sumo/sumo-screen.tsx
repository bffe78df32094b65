import {
  entryModeOf,
  applyMatchEvent,
  type ReviewState,
  type MatchState,
  type ResolvedMatch,
  SUMO_MATCH,
  type SumoEvent,
  type SumoRuleSet,
  startMatch,
  sumoMatchesInOrder,
} from '@olympiad/scoring';
import type { FieldSignal } from '@olympiad/contracts';
import { Button, StatusBanner, useLanguage, useLocation } from '@olympiad/ui';
import { useMemo, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { InspectionNotice, useBlockedTeams } from '../inspection/inspection-notice';
import { teamRefs } from '../category/team-refs';
import type { ScreenProps } from '../category/category-page';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry } from '../category/new-entry';
import type { FieldError } from '@olympiad/scoring';
import { DeviceChip } from '../maze/device-chip';
import { type FieldLive, useFieldRun } from '../maze/use-field-run';
import { MatchClock } from './match-clock';
import { stopClock, wallClock } from './match-clock-state';
import { nextOwnSumoMatch, ownEnteredMatches } from './own-entered-matches';
import { playable, type PlayableMatch, tournamentOf } from './sumo-matches';
import { useLiveMatch } from './use-live-match';
import { useMatchClockReport } from './use-match-clock-report';
import { useRingMatch } from './use-ring-match';
import { formatClockTime } from '@olympiad/i18n';

/** The ring: the next match from the draw, round by round, confirmed into the ledger. */
export function SumoScreen({ state }: ScreenProps) {
  const { lang, t } = useLanguage();
  const { me, token } = useJudge();
  const { search } = useLocation();
  // The ring this judge stands at (one assigned sumo field, or ?field=): its start button drives the clock.
  const rings = me.assignments.fields.filter((field) => field.discipline === 'sumo');
  const ringId = search.get('field') ?? (rings.length === 1 ? rings[0].id : null);
  const ring = useFieldRun(ringId, token);
  const { category, teams } = state.data;
  const ruleSet = category.ruleSet as SumoRuleSet;
  const tournament = useMemo(
    () => tournamentOf(ruleSet, teamRefs(teams), state.records),
    [ruleSet, teams, state.records],
  );
  const names = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [chosen, setChosen] = useState<string | null>(null);
  const matches = sumoMatchesInOrder(tournament);
  const ringCall = useRingMatch(
    me.judge.stageId,
    ringId,
    matches.filter((m) => m.status === 'finished').length,
  );
  const picked = matches.find(
    (m) => m.id === chosen && typeof m.a === 'string' && typeof m.b === 'string',
  );
  // Online at a ring, the server calls the match (none another ring holds); else the tablet's own draw.
  const fromServer =
    ringCall.state === 'answered'
      ? (matches.find(
          (m) =>
            ringCall.match?.categoryId === category.id &&
            m.id === ringCall.match.matchId &&
            typeof m.a === 'string' &&
            typeof m.b === 'string',
        ) ?? null)
      : undefined;
  // Double entry (docs/rules.md#double-entry): a match this judge has entered is the other judge's.
  const entered = useMemo(
    () =>
      me.judge.role === 'judge'
        ? ownEnteredMatches(state.records, me.judge.id)
        : new Map<string, ReviewState>(),
    [me.judge.role, me.judge.id, state.records],
  );
  const called =
    picked ??
    (ringCall.state === 'pending'
      ? null
      : fromServer === undefined
        ? nextOwnSumoMatch(tournament, entered)
        : fromServer);
  const current = called && entered.has(called.id) ? null : called;
  const enteredMatch = matches.find((m) => entered.has(m.id) && m.status !== 'finished');
  const waiting =
    ringCall.state === 'answered' &&
    matches.some((m) => m.status !== 'finished' && m.status !== 'not-needed' && m.status !== 'bye');
  const match = current ? playable(current, ruleSet) : null;
  const name = (id: string | null | undefined) =>
    id === null ? t('judge.sumo.bye') : id === undefined ? '…' : (names.get(id) ?? id);

  if (!tournament.draw) return <StatusBanner kind="info">{t('judge.sumo.noDraw')}</StatusBanner>;
  return (
    <div className="sumo">
      <div className="sumo__ring">
        {ringId ? <RingButtonStatus ring={ring} ringId={ringId} /> : null}
        {match ? (
          <MatchPanel
            key={`${match.id}:${match.live ? JSON.stringify(match.live) : ''}`}
            match={match}
            ruleSet={ruleSet}
            name={name}
            categoryId={category.id}
            signal={ring.signal}
            ringId={ringId}
          />
        ) : ringCall.state === 'pending' ? (
          <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>
        ) : enteredMatch ? (
          <StatusBanner kind="info">
            {t(
              entered.get(enteredMatch.id) === 'in-review'
                ? 'judge.sumo.enteredInReview'
                : 'judge.sumo.enteredAwaitingSecond',
              { id: enteredMatch.id },
            )}
          </StatusBanner>
        ) : ringCall.state === 'answered' && ringCall.restingUntil ? (
          <StatusBanner kind="info">
            {t('schedule.restingUntil', { time: formatClockTime(ringCall.restingUntil, lang) })}
          </StatusBanner>
        ) : waiting ? (
          <StatusBanner kind="info">{t('judge.sumo.noFreeMatch')}</StatusBanner>
        ) : (
          <StatusBanner kind="success">{t('judge.sumo.allPlayed')}</StatusBanner>
        )}
      </div>
      <div className="panel sumo__matches" aria-labelledby="matches-title">
        <h3 id="matches-title">{t('judge.sumo.matches')}</h3>
        {tournament.waitingForDecision.length > 0 ? (
          <StatusBanner kind="info">{t('judge.sumo.waitingDecision')}</StatusBanner>
        ) : null}
        <ol className="match-list">
          {matches.map((m) => (
            <MatchRow
              key={m.id}
              match={m}
              name={name}
              on={m.id === match?.id}
              onPick={() => setChosen(m.id)}
            />
          ))}
        </ol>
      </div>
    </div>
  );
}

/** Whether the ring's start button is connected, so the judge knows to press the tablet's instead. */
function RingButtonStatus({ ring, ringId }: { ring: FieldLive; ringId: string }) {
  const { t } = useLanguage();
  return (
    <p className="ring-button" data-testid="ring-button">
      {t('judge.sumo.ringButton')} <DeviceChip live={ring} fieldId={ringId} />
    </p>
  );
}

function MatchRow({
  match,
  name,
  on,
  onPick,
}: {
  match: ResolvedMatch;
  name: (id: string | null | undefined) => string;
  on: boolean;
  onPick: () => void;
}) {
  const { t } = useLanguage();
  const open = typeof match.a === 'string' && typeof match.b === 'string';
  const winner = match.outcome?.winner;
  return (
    <li>
      <button
        type="button"
        className={`match-row match-row--${match.status} ${on ? 'match-row--on' : ''}`}
        disabled={!open}
        onClick={onPick}
        data-match={match.id}
      >
        <span className="match-row__id">{match.id}</span>
        <span className={winner && winner === match.a ? 'winner' : ''}>{name(match.a)}</span>
        <span className="muted">–</span>
        <span className={winner && winner === match.b ? 'winner' : ''}>{name(match.b)}</span>
        <span className="match-row__status">
          {match.live ? `${match.live.points.a}:${match.live.points.b} · ` : ''}
          {t(`judge.sumo.status.${match.status}`)}
        </span>
      </button>
    </li>
  );
}

function MatchPanel({
  match,
  ruleSet,
  name,
  categoryId,
  signal,
  ringId,
}: {
  match: PlayableMatch;
  ruleSet: SumoRuleSet;
  name: (id: string) => string;
  categoryId: string;
  signal: (FieldSignal & { n: number; at: number }) | null;
  ringId: string | null;
}) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const rules = ruleSet.params.match;
  const base: MatchState = match.live ?? startMatch();
  // Kept on the tablet until recorded, so a reload or a crash of the tab loses nothing.
  const live = useLiveMatch(`${categoryId}/${match.id}`, JSON.stringify(match.live ?? null));
  const events = live.events;
  const [errors, setErrors] = useState<FieldError[]>([]);
  // The server refuses the match of a team the rules keep off the ring; the tablet says why first.
  const blocked = useBlockedTeams(
    categoryId,
    [match.a, match.b].flatMap((id) => (typeof id === 'string' ? [{ id, name: name(id) }] : [])),
  );
  const states = useMemo(() => {
    const list: MatchState[] = [base];
    for (const event of events) {
      const step = applyMatchEvent(rules, match.level, list[list.length - 1], event);
      if (step.ok) list.push(step.state);
    }
    return list;
  }, [base, events, rules, match.level]);
  const now = states[states.length - 1];
  useMatchClockReport({
    ringId,
    categoryId,
    matchId: match.id,
    round: now.result ? Math.max(1, now.rounds) : now.rounds + 1,
    rules,
    clock: live.clock,
    ended: now.result !== null,
    ready: live.ready,
  });
  const allowed = (event: SumoEvent) => applyMatchEvent(rules, match.level, now, event).ok;
  const add = (event: SumoEvent) => {
    const step = applyMatchEvent(rules, match.level, now, event);
    if (!step.ok) return;
    // The verdict ends the match: its clock stops where it stood.
    live.update(
      step.state.result
        ? { events: [...events, event], clock: stopClock(rules, live.clock, wallClock()) }
        : { events: [...events, event] },
    );
  };

  async function confirm() {
    const built = buildEntry(ruleSet, {
      categoryId,
      teamId: null,
      kind: SUMO_MATCH,
      payload: { matchId: match.id, a: match.a, b: match.b, events },
    });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    await outbox.add(built.entry, `${match.id}: ${name(match.a)} – ${name(match.b)}`);
    // A finished match is recorded and forgotten; saved rounds leave the clock of the match going.
    if (now.result) live.clear();
    else live.update({ events: [] });
  }

  const side = (s: 'a' | 'b') => (
    <div className={`sumo-side sumo-side--${s}`}>
      <div className="sumo-side__name">{name(s === 'a' ? match.a : match.b)}</div>
      <div className="sumo-side__points digits" data-testid={`points-${s}`}>
        {now.points[s]}
      </div>
      <div className="muted">{t('judge.sumo.warnings', { count: now.warnings[s] })}</div>
      <Button
        large
        block
        disabled={!allowed({ type: 'point', side: s })}
        onClick={() => add({ type: 'point', side: s })}
      >
        {t('judge.sumo.point')}
      </Button>
      <Button
        block
        variant="secondary"
        disabled={!allowed({ type: 'warning', side: s })}
        onClick={() => add({ type: 'warning', side: s })}
      >
        {t('judge.sumo.warning')}
      </Button>
      {now.phase === 'decision' ? (
        <Button block large onClick={() => add({ type: 'decision', side: s })}>
          {t('judge.sumo.decisionFor')}
        </Button>
      ) : null}
    </div>
  );

  const result = now.result;
  if (!live.ready) return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;
  return (
    <div className="panel match-panel" aria-labelledby="match-title">
      <h3 id="match-title">
        {t('judge.sumo.match', { id: match.id })} · {t(`judge.sumo.phase.${now.phase}`)}
      </h3>
      <InspectionNotice blocked={blocked} />
      <MatchClock
        rules={rules}
        clock={live.clock}
        onChange={(clock) => live.update({ clock })}
        ended={result !== null}
        signal={signal}
      />
      <div className="sumo-sides">
        {side('a')}
        <div className="sumo-middle">
          <div className="muted">{t('judge.sumo.rounds', { count: now.rounds })}</div>
          <Button
            block
            variant="secondary"
            disabled={!allowed({ type: 'draw' })}
            onClick={() => add({ type: 'draw' })}
          >
            {t('judge.sumo.drawRound')}
          </Button>
          <Button
            block
            variant="secondary"
            disabled={!allowed({ type: 'null-start' })}
            onClick={() => add({ type: 'null-start' })}
          >
            {t('judge.sumo.nullStart')}
          </Button>
          <Button
            block
            variant="secondary"
            disabled={!allowed({ type: 'time-up' })}
            onClick={() => add({ type: 'time-up' })}
          >
            {t('judge.sumo.timeUp')}
          </Button>
        </div>
        {side('b')}
      </div>
      {result ? (
        <StatusBanner kind="success">
          {result.winner
            ? t('judge.sumo.winner', {
                name: name(result.winner === 'a' ? match.a : match.b),
                how: t(`judge.sumo.how.${result.how}`),
              })
            : t(`judge.sumo.how.${result.how}`)}
        </StatusBanner>
      ) : null}
      {errors.length > 0 ? (
        <StatusBanner kind="error">
          {errors.map((e) => fieldErrorText(lang, e)).join(' ')}
        </StatusBanner>
      ) : null}
      <div className="ui-row actions">
        <Button
          large
          // Double entry pairs whole matches (docs/rules.md#double-entry): no rounds saved alone.
          disabled={events.length === 0 || (!result && entryModeOf(ruleSet) === 'double')}
          onClick={() => void confirm()}
        >
          {result ? t('judge.sumo.confirmMatch') : t('judge.sumo.saveRounds')}
        </Button>
        <Button
          variant="secondary"
          disabled={events.length === 0}
          onClick={() => live.update({ events: events.slice(0, -1) })}
        >
          {t('judge.sumo.undo')}
        </Button>
      </div>
      <details className="sumo-rare">
        <summary>{t('judge.sumo.more')}</summary>
        <div className="ui-row">
          {(['a', 'b'] as const).map((s) => (
            <Button
              key={`ns-${s}`}
              variant="secondary"
              disabled={!allowed({ type: 'no-show', side: s })}
              onClick={() => add({ type: 'no-show', side: s })}
            >
              {t('judge.sumo.noShow', { name: name(s === 'a' ? match.a : match.b) })}
            </Button>
          ))}
          {(['a', 'b'] as const).map((s) => (
            <Button
              key={`dq-${s}`}
              variant="danger"
              disabled={!allowed({ type: 'disqualification', side: s })}
              onClick={() => add({ type: 'disqualification', side: s })}
            >
              {t('judge.sumo.disqualify', { name: name(s === 'a' ? match.a : match.b) })}
            </Button>
          ))}
        </div>
      </details>
    </div>
  );
}
