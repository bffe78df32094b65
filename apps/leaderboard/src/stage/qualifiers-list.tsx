import { routes } from '@olympiad/contracts';
import { createApiClient, useLanguage, useQuery } from '@olympiad/ui';
import { useMemo } from 'react';
import './qualifiers.css';

/**
 * Who goes on to the republic stage: on a regional stage the teams it sent, on the republic
 * stage everyone it received and from where. Shown only once the organiser has sent them.
 */
export function QualifiersList({
  code,
  stageName,
  fetch,
}: {
  code: string;
  stageName: string;
  fetch?: typeof globalThis.fetch;
}) {
  const { lang, t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const qualifiers = useQuery(
    (signal) => api.call(routes.public.qualifiers, { params: { code } }, { signal }),
    [api, code],
  );
  const list = qualifiers.data ?? [];
  if (list.length === 0) return null;
  // The rule each source stage chose its qualifiers by, written by the server in every language;
  // none for a stage whose entries came by different rules or without one (federation).
  const rules = new Map<string, string | undefined>();
  for (const { fromStage, rule } of list)
    rules.set(
      fromStage,
      rules.has(fromStage) && rules.get(fromStage) !== rule?.[lang] ? undefined : rule?.[lang],
    );
  const sameRule = new Set(rules.values()).size === 1;
  return (
    <section aria-labelledby="qualifiers-title" className="qualifiers">
      <h3 id="qualifiers-title">{t('board.qualifiers.title')}</h3>
      {[...rules].map(([fromStage, rule], index) =>
        !rule || (sameRule && index > 0) ? null : (
          <p key={fromStage} className="qualifiers__rule ui-muted">
            {sameRule ? rule : `${fromStage}: ${rule}`}
          </p>
        ),
      )}
      <ul className="qualifiers__list">
        {list.map((entry, index) => (
          <li key={`${entry.team}-${index}`} className="qualifiers__item">
            <span className="qualifiers__team">{entry.team}</span>
            <span className="ui-muted">
              {[
                entry.school,
                entry.category,
                entry.fromStage !== stageName
                  ? t('board.qualifiers.from', { stage: entry.fromStage })
                  : '',
                entry.reason === 'wildcard' ? t('board.qualifiers.reason.wildcard') : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
