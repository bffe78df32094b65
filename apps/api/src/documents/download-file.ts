import { StreamableFile } from '@nestjs/common';

/** A file answer with a name that keeps Cyrillic (RFC 6266 filename* with an ASCII fallback). */
export function downloadFile(bytes: Buffer, fileName: string, type: string): StreamableFile {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  return new StreamableFile(bytes, {
    type,
    length: bytes.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}

export const slug = (text: string) => text.trim().replace(/[\s/\\:*?"<>|]+/g, '-').slice(0, 60) || 'file';
