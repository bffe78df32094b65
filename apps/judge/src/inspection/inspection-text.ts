import type { Inspection, InspectionLimitsView } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import type { useLanguage } from '@olympiad/ui';

type T = ReturnType<typeof useLanguage>['t'];
const LIMITS = ['massG', 'widthMm', 'lengthMm'] as const;

/** "mass 1000 g, width 150 mm, length 150 mm": the limits that apply. */
export function limitsText(t: T, limits: InspectionLimitsView): string {
  return LIMITS.filter((limit) => limits[limit] !== null)
    .map((limit) => t(`inspection.limit.${limit}` as MessageKey, { max: limits[limit] ?? 0 }))
    .join(', ');
}

/** Why an inspection failed: each limit exceeded, then the inspector's reason. */
export function failureText(t: T, inspection: Pick<Inspection, 'failures' | 'failReason'>): string {
  const parts = inspection.failures.map((failure) =>
    failure.measured === null
      ? t(`inspection.missing.${failure.limit}` as MessageKey)
      : t(`inspection.failure.${failure.limit}` as MessageKey, {
          measured: failure.measured,
          max: failure.max,
        }),
  );
  if (inspection.failReason) parts.push(inspection.failReason);
  return parts.join('; ');
}

/** Each team's latest inspection, from a list that is newest first. */
export function latestByTeam(inspections: readonly Inspection[]): Map<string, Inspection> {
  const latest = new Map<string, Inspection>();
  for (const row of inspections) if (!latest.has(row.teamId)) latest.set(row.teamId, row);
  return latest;
}
