import type { AuditEntry } from '@olympiad/contracts';
import {
  formatDateTime,
  isMessageKey,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '@olympiad/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Where each object kind's status values are named already. */
const STATUS_KEYS: Partial<Record<AuditEntry['object']['kind'], string>> = {
  team: 'console.teams.status',
  category: 'console.categories.status',
  stage: 'stage.status',
};

function valueText(
  value: unknown,
  field: string,
  kind: AuditEntry['object']['kind'],
  lang: Lang,
  t: Translate,
): string {
  if (value === null || value === undefined) return t('console.activity.empty.value');
  if (typeof value === 'boolean') return t(value ? 'console.activity.yes' : 'console.activity.no');
  if (typeof value === 'string') {
    const statusKey = `${STATUS_KEYS[kind] ?? ''}.${value}`;
    if (field === 'status' && isMessageKey(statusKey)) return t(statusKey);
    return ISO_INSTANT.test(value)
      ? formatDateTime(value, lang, undefined, { numeric: true })
      : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object'))
    return value.join(', ');
  return JSON.stringify(value);
}

/**
 * What a row changed, one line per field: `мәртебе: Қатысуда → Қатысудан бас тартты`. A row with
 * only an "after" (something created) lists its fields; a row with neither (a sign-in, a PIN
 * reset) has no lines. Rule parameters keep their own names (the rule set's).
 */
export function auditChangeLines(
  entry: Pick<AuditEntry, 'before' | 'after' | 'object'>,
  lang: Lang,
  t: Translate,
): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const kind = entry.object.kind;
  return fields.map((field) => {
    const labelKey = `audit.field.${field}`;
    const label = isMessageKey(labelKey) ? t(labelKey) : field;
    const now = valueText(after[field], field, kind, lang, t);
    return entry.before
      ? `${label}: ${valueText(before[field], field, kind, lang, t)} → ${now}`
      : `${label}: ${now}`;
  });
}
