import { searchKey } from '@olympiad/i18n';

/**
 * Finds a team by id, exact name, or name compared as search compares it (case, Kazakh letters
 * typed as Russian ones, Latin look-alikes). A loose name that fits two teams finds none.
 */
export function teamMatcher(teams: readonly { id: string; name: string }[]) {
  const exact = new Map<string, string>();
  const loose = new Map<string, string[]>();
  for (const team of teams) {
    exact.set(team.id, team.id);
    exact.set(team.name.trim(), team.id);
    const key = searchKey(team.name);
    loose.set(key, [...(loose.get(key) ?? []), team.id]);
  }
  return (text: string): string | null => {
    const found = exact.get(text.trim());
    if (found) return found;
    const candidates = loose.get(searchKey(text)) ?? [];
    return candidates.length === 1 ? candidates[0] : null;
  };
}
