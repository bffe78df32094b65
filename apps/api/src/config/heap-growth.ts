import { setFlagsFromString } from 'node:v8';

/**
 * Left to itself, V8 lets the old generation grow to several times what its last full collection
 * kept before it collects again. A fan-out to thousands of viewers promotes each socket's pending
 * writes, which die a moment later: with 10,000 viewers, 50 results grew the heap by 200 MB of such
 * garbage and the process kept the pages. A growth of 30 % collects it while it is still small
 * (docs/performance.md#memory-per-viewer). A GC heuristic read at each collection, so setting it
 * after start takes effect from the next one.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
