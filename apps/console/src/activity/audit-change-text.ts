import type { AuditEntry } from '@olympiad/contracts';
import { formatDateTime, type Lang, type MessageKey, type MessageParams } from '@olympiad/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(value: unknown, lang: Lang, t: Translate): string {
  if (value === null || value === undefined) return t('console.activity.empty.value');
  if (typeof value === 'boolean') return t(value ? 'console.activity.yes' : 'console.activity.no');
  if (typeof value === 'string')
    return ISO_INSTANT.test(value)
      ? formatDateTime(value, lang, undefined, { numeric: true })
      : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object'))
    return value.join(', ');
  return JSON.stringify(value);
}

/**
 * What a row changed, one line per field: `status: draft → live`. A row with only an "after"
 * (something created) lists its fields; a row with neither (a sign-in, a PIN reset) has no lines.
 */
export function auditChangeLines(
  entry: Pick<AuditEntry, 'before' | 'after'>,
  lang: Lang,
  t: Translate,
): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) =>
    entry.before
      ? `${field}: ${valueText(before[field], lang, t)} → ${valueText(after[field], lang, t)}`
      : `${field}: ${valueText(after[field], lang, t)}`,
  );
}
