import { ApiError } from '@olympiad/ui';

/** The sign-in token, for the two kinds of calls the JSON API client does not make. */
export type TokenSource = () => string | null;

/**
 * Sends a file (multipart/form-data, or a bare file as application/octet-stream) with upload
 * progress, which fetch cannot report. Resolves with the parsed JSON answer; rejects with an
 * ApiError like the JSON client does.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData | Blob,
  getToken: TokenSource,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    const token = getToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    if (!(form instanceof FormData))
      request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress((event.loaded / event.total) * 100);
    };
    request.onerror = () => reject(new ApiError(0, 'errors.network', 'Network error'));
    request.ontimeout = () => reject(new ApiError(0, 'errors.timeout', 'No answer in time'));
    request.timeout = 120_000;
    request.onload = () => {
      let body: unknown = undefined;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(ApiError.fromBody(request.status, body));
    };
    request.send(form);
  });
}

/** The file name the server gave in Content-Disposition (filename*= first), else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** The body as a Blob, telling `onProgress` the percent received when the size is known (else null). */
async function readWithProgress(
  response: Response,
  onProgress: (percent: number | null) => void,
): Promise<Blob> {
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress(total ? 0 : null);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(total ? (received / total) * 100 : null);
  }
  return new Blob(chunks, { type: response.headers.get('Content-Type') ?? undefined });
}

/** A file the API serves behind the sign-in (a protest's photo), as an object URL the page can show. */
export async function fetchFileUrl(url: string, getToken: TokenSource): Promise<string> {
  const token = getToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok)
    throw new ApiError(response.status, 'errors.request', `HTTP ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

/**
 * Downloads a file the API makes (PDF, CSV, XLSX, a stage bundle) with the token, and saves it in
 * the browser; `onProgress` hears the percent received (null while the size is unknown).
 */
export async function downloadFile(
  url: string,
  getToken: TokenSource,
  fallbackName: string,
  onProgress?: (percent: number | null) => void,
): Promise<string> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (cause) {
    throw new ApiError(
      0,
      'errors.network',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }
  if (!response.ok) {
    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw ApiError.fromBody(response.status, body);
  }
  const name = fileNameOf(response, fallbackName);
  const blob = onProgress ? await readWithProgress(response, onProgress) : await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return name;
}
