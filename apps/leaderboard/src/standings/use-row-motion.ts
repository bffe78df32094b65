import { type RefObject, useLayoutEffect, useRef } from 'react';

const MOVE_MS = 900;
const HIGHLIGHT_MS = 4_000;

/**
 * Makes a reordering visible (FLIP): after each render, every row (`[data-team]`) that moved is
 * drawn back where it was and slides to its new place; rows that climbed are highlighted for a
 * few seconds. A viewer sees which team moved up, not just a table that changed.
 */
export function useRowMotion(body: RefObject<HTMLElement | null>, order: string): void {
  const last = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const rows = [...element.querySelectorAll<HTMLElement>('[data-team]')];
    const now = new Map(
      rows.map((row) => [row.dataset.team ?? '', row.getBoundingClientRect().top]),
    );
    const before = last.current;
    last.current = now;
    if (before.size === 0) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    for (const row of rows) {
      const id = row.dataset.team ?? '';
      const was = before.get(id);
      const top = now.get(id);
      if (was === undefined || top === undefined || Math.abs(was - top) < 1) continue;
      if (top < was) {
        row.classList.add('standings__row--climbed');
        window.setTimeout(() => row.classList.remove('standings__row--climbed'), HIGHLIGHT_MS);
      }
      if (reduce || typeof row.animate !== 'function') continue;
      row.animate([{ transform: `translateY(${was - top}px)` }, { transform: 'translateY(0)' }], {
        duration: MOVE_MS,
        easing: 'cubic-bezier(0.2, 0.8, 0.2, 1)',
      });
    }
  }, [body, order]);
}
