import type { NextFunction, Request, Response } from 'express';
import { Counter } from 'prom-client';

/**
 * The counters the API counts itself, on prom-client's default registry, which GET /api/metrics
 * reads (docs/deploy.md#health-metrics-and-logs). Counted per replica: Prometheus sums them.
 */
export const ledgerEntriesRecorded = new Counter({
  name: 'olympiad_ledger_entries_recorded_total',
  help: 'Ledger entries this replica recorded (new entries, not repeats of one already stored)',
  labelNames: ['kind'] as const,
});

export const httpRequests = new Counter({
  name: 'olympiad_http_requests_total',
  help: 'HTTP requests answered, by method, route (the route pattern, not the address) and status',
  labelNames: ['method', 'route', 'status'] as const,
});

/**
 * Counts each answered request under its route pattern (`/api/stages/:id`), so ids do not make a
 * series each; what no API route matched (the apps' files) counts as `other`.
 */
export function countHttpRequests(request: Request, response: Response, next: NextFunction): void {
  response.once('finish', () => {
    const pattern = (request.route as { path?: unknown } | undefined)?.path;
    const route = typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'other';
    httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
  });
  next();
}
