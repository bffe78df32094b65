import { PROTEST_PHOTO_MAX_BYTES } from '@olympiad/contracts';
import { rasterImageType } from '../common/raster-image-type';

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
  const contentType = rasterImageType(bytes);
  if (!contentType)
    return refused('protests.photoNotImage', 'A photo must be a JPEG, PNG or WebP image');
  return { ok: true, contentType, bytes };
}

const refused = (key: string, message: string): PhotoCheck => ({ ok: false, key, message });
