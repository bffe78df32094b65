import { formatDate, LANGUAGE_SHORT_NAMES, LANGUAGES, t, type Lang } from '@olympiad/i18n';
import { formatDiplomaCode } from './diploma-code';
import type { DiplomaCheck } from './diploma-codes.service';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{margin:0;font:17px/1.45 system-ui,sans-serif;color:#1b1b1b;background:#f4f6f8}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
nav{display:flex;gap:.5rem;justify-content:flex-end}
nav a{display:inline-block;min-width:3rem;min-height:3rem;line-height:3rem;text-align:center;border-radius:.5rem;background:#fff;color:#0b5cad;text-decoration:none;font-weight:600}
nav a[aria-current]{background:#0b5cad;color:#fff}
.verdict{padding:1rem;border-radius:.75rem;font-weight:600;margin-bottom:1rem}
.ok{background:#dff3e4;color:#14532d}.old{background:#fff4d6;color:#7a4b00}.none{background:#fde2e1;color:#7f1d1d}
.verdict a{display:inline-block;margin-top:.5rem;padding:.6rem 1rem;border-radius:.5rem;background:#fff;color:#0b5cad;font-size:1.1rem}
dl{background:#fff;border-radius:.75rem;padding:.5rem 1rem;margin:0}
dt{color:#555;font-size:.9rem;margin-top:.6rem}dd{margin:0 0 .4rem;font-weight:600}
code{font-size:1.1rem;letter-spacing:.05em}`;

/**
 * The public check of a diploma code (docs/diplomas.md): one small HTML page, no script, readable
 * on a phone, in the language asked for (links switch it).
 */
export function diplomaCheckPage(
  lang: Lang,
  typed: string,
  found: DiplomaCheck | null,
  addressOf: (code: string) => string,
  timeZone: string,
): string {
  const code = found ? formatDiplomaCode(found.code) : typed;
  const languages = LANGUAGES.map(
    (other) =>
      `<a href="?lang=${other}" lang="${other}"${other === lang ? ' aria-current="page"' : ''}>${LANGUAGE_SHORT_NAMES[other]}</a>`,
  ).join('');
  let body: string;
  if (!found) {
    body = `<p class="verdict none" role="status">${escape(t(lang, 'diplomaCheck.notFound', { code: typed.slice(0, 40) }))}</p>`;
  } else if (found.embargoed) {
    body = `<p class="verdict old" role="status">${escape(t(lang, 'board.notPublished'))}</p><dl>
<dt>${escape(t(lang, 'diplomaCheck.code'))}</dt><dd>${escape(code)}</dd>
</dl>`;
  } else {
    const { content } = found;
    const verdict = found.supersededBy
      ? `<div class="verdict old" role="status">${escape(t(lang, 'diplomaCheck.superseded'))}<br><a href="${escape(addressOf(found.supersededBy))}?lang=${lang}">${escape(formatDiplomaCode(found.supersededBy))}</a></div>`
      : `<p class="verdict ok" role="status">${escape(t(lang, 'diplomaCheck.genuine'))}</p>`;
    const row = (key: Parameters<typeof t>[1], value: string) =>
      value ? `<dt>${escape(t(lang, key))}</dt><dd>${escape(value)}</dd>` : '';
    body = `${verdict}<dl>
${row('diplomaCheck.code', code)}
${row('diplomaCheck.awardedTo', content.recipient)}
${row('diplomaCheck.place', content.place === null ? t(lang, 'diplomaCheck.participant') : String(content.place))}
${row('diplomaCheck.team', content.team)}
${row('diplomaCheck.members', content.members.join(', '))}
${row('diplomaCheck.school', content.school)}
${row('diplomaCheck.category', content.category)}
${row('diplomaCheck.stage', [content.stage, content.olympiad].filter(Boolean).join(' · '))}
${row('diplomaCheck.issued', formatDate(found.issuedAt, lang, timeZone) || found.issuedAt.slice(0, 10))}
</dl>`;
  }
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(t(lang, 'diplomaCheck.title'))}</title><style>${STYLE}</style></head>
<body><main><nav aria-label="${escape(t(lang, 'language.label'))}">${languages}</nav>
<h1>${escape(t(lang, 'diplomaCheck.title'))}</h1>
${body}
</main></body></html>`;
}
