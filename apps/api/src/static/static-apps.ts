import { API_PREFIX } from '@olympiad/contracts';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The built front-end apps and the URL each is served under (one port serves a venue). */
export const WEB_APPS = [
  { name: 'judge', mount: '/judge' },
  { name: 'console', mount: '/console' },
  { name: 'leaderboard', mount: '/' },
] as const;

const API_PREFIXES = [API_PREFIX, '/socket.io'];

/**
 * Serves each app's files and answers unknown paths under its mount with its index.html, so a
 * reload on /judge/maze/… or /hall/ABC-123 works. An app that was not built says so plainly.
 */
export function serveWebApps(app: Express, staticDir: string): void {
  // Most specific mounts first: '/' must not swallow /judge and /console.
  for (const web of WEB_APPS) {
    const dir = path.join(staticDir, web.name);
    const index = path.join(dir, 'index.html');
    app.use(
      web.mount,
      express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }),
    );
    app.get(
      web.mount === '/' ? /.*/ : new RegExp(`^${web.mount}(/.*)?$`),
      (request: Request, response: Response, next: NextFunction) => {
        if (
          request.method !== 'GET' ||
          API_PREFIXES.some((prefix) => request.path.startsWith(prefix))
        )
          return next();
        if (!fs.existsSync(index)) {
          response
            .status(503)
            .type('text/plain')
            .send(`The ${web.name} app is not built. Run "npm run build" (or "npm start").`);
          return;
        }
        response.setHeader('Cache-Control', 'no-cache');
        response.sendFile(index);
      },
    );
  }
}

function noCacheForHtml(response: Response, filePath: string): void {
  // Hashed assets may be cached; the entry pages and the service worker must be revalidated.
  if (
    filePath.endsWith('.html') ||
    filePath.endsWith('sw.js') ||
    filePath.endsWith('.webmanifest')
  ) {
    response.setHeader('Cache-Control', 'no-cache');
  }
}
