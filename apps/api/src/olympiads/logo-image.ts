import { rasterImageType } from '../common/raster-image-type';

/** What the hall screen accepts as an olympiad logo: small PNG, JPEG, WebP or SVG files. */
export const LOGO_MAX_BYTES = 300 * 1024;

export type LogoCheck =
  { ok: true; contentType: string; bytes: Buffer } | { ok: false; key: string; message: string };

/** Checks the bytes themselves, not only the declared type, so a renamed file cannot pass as an image. */
export function checkLogo(base64: string): LogoCheck {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0)
    return { ok: false, key: 'olympiads.logoEmpty', message: 'The logo file is empty' };
  if (bytes.length > LOGO_MAX_BYTES) {
    return {
      ok: false,
      key: 'olympiads.logoTooLarge',
      message: `The logo is ${Math.round(bytes.length / 1024)} KB; at most 300 KB`,
    };
  }
  const contentType = sniff(bytes);
  if (!contentType)
    return {
      ok: false,
      key: 'olympiads.logoNotImage',
      message: 'The logo must be a PNG, JPEG, WebP or SVG image',
    };
  return { ok: true, contentType, bytes };
}

function sniff(bytes: Buffer): string | null {
  const raster = rasterImageType(bytes);
  if (raster) return raster;
  const head = bytes
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (
    (head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--')) &&
    head.includes('<svg')
  )
    return 'image/svg+xml';
  return null;
}
