// What a phone downloads before the public view can show results (budget in docs/design.md#performance-budgets: ≤ 100 KB
// gzipped): index.html, then every script, module preload and stylesheet it names, and the
// static imports of those scripts; lazy chunks (hall screen, awards, qualifiers) are not counted.
// Run: `npm run bench:leaderboard-size` after building the leaderboard.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist', 'apps', 'leaderboard');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const seen = new Map();
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function visit(url) {
  const file = path.join(dist, url.replace(/^\//, ''));
  if (seen.has(file)) return;
  seen.set(file, gz(file));
  if (!file.endsWith('.js')) return;
  const code = fs.readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+)["']/g)) {
    visit(`/assets/${match[1]}`);
  }
}

seen.set(path.join(dist, 'index.html'), gz(path.join(dist, 'index.html')));
for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) visit(match[1]);
let total = 0;
for (const [file, size] of seen) {
  total += size;
  console.log(`${(size / 1024).toFixed(2).padStart(8)} KB  ${path.relative(dist, file)}`);
}
console.log(`${(total / 1024).toFixed(2).padStart(8)} KB  first load, gzipped (budget 100 KB)`);
process.exit(total <= 100 * 1024 ? 0 : 1);
