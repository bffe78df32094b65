import type { AuditEntry } from '@olympiad/contracts';

const COLUMNS = [
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'stage_id',
  'action',
  'object_kind',
  'object_id',
  'object_name',
  'before',
  'after',
  'request_id',
];

const csvCell = (value: string | null) => {
  const text = value ?? '';
  // A leading = + - @ would run as a formula in Excel; quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The header line, with the BOM and semicolons of the results CSV (opens in Russian-locale Excel). */
export const auditCsvHeader = () => `\uFEFF${COLUMNS.join(';')}\r\n`;

export function auditCsvLines(entries: AuditEntry[]): string {
  return entries
    .map((entry) =>
      [
        entry.at,
        entry.actor.kind,
        entry.actor.id,
        entry.actor.name,
        entry.stageId,
        entry.action,
        entry.object.kind,
        entry.object.id,
        entry.object.name,
        entry.before && JSON.stringify(entry.before),
        entry.after && JSON.stringify(entry.after),
        entry.requestId,
      ]
        .map(csvCell)
        .join(';'),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
