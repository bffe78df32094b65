import { useCallback, useState } from 'react';

const keyOf = (categoryId: string) => `olympiad.follow.${categoryId}`;

function read(categoryId: string | undefined): string | null {
  if (!categoryId) return null;
  try {
    return window.localStorage.getItem(keyOf(categoryId));
  } catch {
    return null;
  }
}

/** The team this phone follows in a category, remembered on the device; tapping it again stops. */
export function useFollowedTeam(
  categoryId: string | undefined,
): [string | null, (teamId: string) => void] {
  // Kept with the category it belongs to, so switching category reads that category's choice.
  const [held, setHeld] = useState(() => ({ categoryId, teamId: read(categoryId) }));
  const followed = held.categoryId === categoryId ? held.teamId : read(categoryId);
  const toggle = useCallback(
    (teamId: string) => {
      if (!categoryId) return;
      const next = followed === teamId ? null : teamId;
      try {
        if (next) window.localStorage.setItem(keyOf(categoryId), next);
        else window.localStorage.removeItem(keyOf(categoryId));
      } catch {
        // Private mode: following lasts until the page is closed.
      }
      setHeld({ categoryId, teamId: next });
    },
    [categoryId, followed],
  );
  return [followed, toggle];
}
