import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A tiny router over the History API: the apps have a handful of routes each, so this is all
 * they need. `navigate` pushes a URL; components read it with `useLocation`.
 */

const NAVIGATE_EVENT = 'olympiad:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface LocationState {
  pathname: string;
  search: URLSearchParams;
}

export function useLocation(): LocationState {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(current, 'http://local');
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/**
 * Matches `/s/:stageCode` against a path: the named segments (URL-decoded), or null when it does
 * not match. A trailing slash is ignored.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const split = (path: string) => path.split('/').filter(Boolean);
  const patternParts = split(pattern);
  const pathParts = split(pathname);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < patternParts.length; index++) {
    const part = patternParts[index];
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(pathParts[index]);
      } catch {
        return null;
      }
    } else if (part !== pathParts[index]) {
      return null;
    }
  }
  return params;
}

/** An anchor that navigates without a page load (a modified click still opens a new tab). */
export function Link({
  href,
  onClick,
  children,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  }
  return (
    <a {...rest} href={href} onClick={handleClick}>
      {children}
    </a>
  );
}
