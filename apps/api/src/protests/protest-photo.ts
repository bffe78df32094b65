import { PROTEST_PHOTO_MAX_BYTES } from '@olympiad/contracts';

export type PhotoCheck =
  { ok: true; contentType: string; bytes: Buffer } | { ok: false; key: string; message: string };

/**
 * A protest photo: the bytes themselves must be a JPEG, PNG or WebP (not only the declared type), at
 * most PROTEST_PHOTO_MAX_BYTES. SVG is refused: it can carry script and a photo never needs it.
 */
export function checkProtestPhoto(base64: string): PhotoCheck {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return refused('protests.photoNotImage', 'The photo file is empty');
  if (bytes.length > PROTEST_PHOTO_MAX_BYTES) {
    return refused(
      'protests.photoTooLarge',
      `The photo is ${Math.round(bytes.length / 1024)} KB; at most ${PROTEST_PHOTO_MAX_BYTES / 1024} KB`,
    );
  }
  const contentType = sniff(bytes);
  if (!contentType)
    return refused('protests.photoNotImage', 'A photo must be a JPEG, PNG or WebP image');
  return { ok: true, contentType, bytes };
}

const refused = (key: string, message: string): PhotoCheck => ({ ok: false, key, message });

function sniff(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}
