import { isMessageKey, type MessageKey } from '@olympiad/i18n';

/**
 * The venue's last failed send in words an organiser can act on. The server keeps what fetch or
 * the republic said ("fetch failed (ECONNREFUSED)", "403 federation.notLinked …"); the raw text
 * stays beside it as the detail.
 */
export interface PlainLinkError {
  key: MessageKey;
  detail: string;
}

const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE|socket|fetch failed/i;
const TIMEOUT = /timeout|timed out|ETIMEDOUT|aborted/i;

export function plainLinkError(lastError: string): PlainLinkError {
  const detail = lastError.trim();
  const key = /\b[a-z]+\.[A-Za-z]+\b/.exec(detail)?.[0];
  if (key && isMessageKey(key)) return { key, detail };
  if (TIMEOUT.test(detail)) return { key: 'console.federation.error.timeout', detail };
  if (UNREACHABLE.test(detail)) return { key: 'console.federation.error.unreachable', detail };
  if (/^5\d\d\b/.test(detail)) return { key: 'console.federation.error.republicFault', detail };
  return { key: 'console.federation.error.other', detail };
}
