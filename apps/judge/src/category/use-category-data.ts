import { routes, type Category, type LedgerEntry, type Team } from '@olympiad/contracts';
import type { LedgerRecord } from '@olympiad/scoring';
import { blindOutboxRecord } from './blind-outbox-record';
import { ApiError } from '@olympiad/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { useOutboxState } from '../outbox/use-outbox';

/** A category's rules, teams and ledger as the tablet keeps them (also offline, in local storage). */
export interface CategoryData {
  category: Category;
  teams: Team[];
  ledger: LedgerEntry[];
  /** When the server last answered (ISO); older data is shown with a notice while offline. */
  loadedAt: string;
}

const CACHE_PREFIX = 'olympiad.judge.category.';
const REFRESH_MS = 15_000;

function readCache(categoryId: string): CategoryData | null {
  try {
    const raw = window.localStorage.getItem(CACHE_PREFIX + categoryId);
    return raw ? (JSON.parse(raw) as CategoryData) : null;
  } catch {
    return null;
  }
}

function writeCache(data: CategoryData): void {
  try {
    window.localStorage.setItem(CACHE_PREFIX + data.category.id, JSON.stringify(data));
  } catch {
    // A full storage only costs the offline copy; the outbox lives in IndexedDB.
  }
}

export interface CategoryDataState {
  data: CategoryData | null;
  error: unknown;
  loading: boolean;
  /** The server's ledger plus this tablet's entries still waiting in the outbox, in order. */
  records: LedgerRecord[];
  /** Ids of records that are only in the outbox so far. */
  waiting: ReadonlySet<string>;
  reload: () => void;
}

/**
 * A category's rules, teams and ledger: from the server when it answers, else the copy kept from
 * the last answer (so a reload without Wi-Fi still shows the screen). Reloaded every few seconds
 * and after the outbox delivered something.
 */
export function useCategoryData(categoryId: string): CategoryDataState {
  const { api, outbox, me } = useJudge();
  const outboxState = useOutboxState(outbox);
  const [data, setData] = useState<CategoryData | null>(() => readCache(categoryId));
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const [settledRound, setSettledRound] = useState(-1);
  const loading = settledRound !== round;
  const reload = useCallback(() => setRound((value) => value + 1), []);
  const acknowledged = useRef(outboxState.acknowledged);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const category = await api.call(
        routes.categories.get,
        { params: { id: categoryId } },
        { signal },
      );
      const [teams, ledger] = await Promise.all([
        api.call(
          routes.teams.list,
          { params: { stageId: category.stageId }, query: { categoryId } },
          { signal },
        ),
        api.call(routes.ledger.list, { params: { id: categoryId } }, { signal }),
      ]);
      const next: CategoryData = { category, teams, ledger, loadedAt: new Date().toISOString() };
      writeCache(next);
      setData(next);
      setError(null);
    })()
      .catch((caught: unknown) => {
        if (!signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!signal.aborted) setSettledRound(round);
      });
    return () => controller.abort();
  }, [api, categoryId, round]);

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    if (outboxState.acknowledged !== acknowledged.current) {
      acknowledged.current = outboxState.acknowledged;
      reload();
    }
  }, [outboxState.acknowledged, reload]);

  const { records, waiting } = useMemo(() => {
    // As the server counts them: a finish gate's attempt is unconfirmed until a judge's entry
    // replaces it (docs/results-display.md).
    const stored: LedgerRecord[] = (data?.ledger ?? []).map((row) =>
      row.awaitsConfirmation ? { ...row, unconfirmed: true } : row,
    );
    const known = new Set(stored.map((row) => row.id));
    let seq = stored.reduce((max, row) => Math.max(max, row.seq), 0);
    const extra: LedgerRecord[] = [];
    const ruleSet = data?.category.ruleSet;
    for (const item of outboxState.items) {
      const entry = item.entry;
      if (entry.categoryId !== categoryId || known.has(entry.id) || item.state !== 'pending')
        continue;
      const record: LedgerRecord = {
        id: entry.id,
        seq: ++seq,
        kind: entry.kind,
        teamId: entry.teamId,
        payload: entry.payload,
        supersedes: entry.supersedes,
        authorId: item.judgeId,
        recordedAt: entry.recordedAt,
      };
      // Double entry: the tablet counts its own entry no more than the server will.
      extra.push(
        ruleSet && me.judge.role === 'judge' ? blindOutboxRecord(ruleSet, record) : record,
      );
    }
    return { records: [...stored, ...extra], waiting: new Set(extra.map((record) => record.id)) };
  }, [data, outboxState.items, categoryId, me.judge.role]);

  const offlineButCached = error instanceof ApiError && error.isNetwork && data !== null;
  return { data, error: offlineButCached ? null : error, loading, records, waiting, reload };
}
