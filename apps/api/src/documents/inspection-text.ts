import type { InspectionFailureView } from '@olympiad/contracts';
import { t, type MessageKey } from '@olympiad/i18n';
import { both } from './bilingual-labels';

const LIMITS = ['massG', 'widthMm', 'lengthMm'] as const;
const UNITS = { massG: 'г', widthMm: 'мм', lengthMm: 'мм' } as const;

interface Printed {
  passed: boolean;
  massG: number | null;
  widthMm: number | null;
  lengthMm: number | null;
  failures: InspectionFailureView[];
  failReason: string | null;
}

/**
 * One team's latest inspection on the protocol, in Kazakh and Russian: the verdict, what was
 * measured, and for a fail each limit exceeded and the inspector's reason.
 */
export function inspectionText(row: Printed): string {
  const verdict = both({
    kk: t('kk', row.passed ? 'inspection.state.passed' : 'inspection.state.failed'),
    ru: t('ru', row.passed ? 'inspection.state.passed' : 'inspection.state.failed'),
  });
  const measured = LIMITS.filter((limit) => row[limit] !== null)
    .map((limit) => `${row[limit]} ${UNITS[limit]}`)
    .join(' · ');
  const failures = row.failures.map((failure) => {
    const key = (
      failure.measured === null
        ? `inspection.missing.${failure.limit}`
        : `inspection.failure.${failure.limit}`
    ) as MessageKey;
    const params = { measured: failure.measured ?? 0, max: failure.max };
    return both({ kk: t('kk', key, params), ru: t('ru', key, params) });
  });
  if (row.failReason) failures.push(row.failReason);
  return [verdict, measured, ...failures].filter(Boolean).join('; ');
}
