import { checkLogo, LOGO_MAX_BYTES } from './logo-image';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(20),
]);

describe('checkLogo', () => {
  it('recognises PNG, JPEG, WebP and SVG by their bytes', () => {
    expect(checkLogo(png.toString('base64'))).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]).toString('base64'))).toMatchObject(
      { contentType: 'image/jpeg' },
    );
    expect(checkLogo(Buffer.from('RIFF\0\0\0\0WEBPVP8 ').toString('base64'))).toMatchObject({
      contentType: 'image/webp',
    });
    expect(
      checkLogo(
        Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>').toString(
          'base64',
        ),
      ),
    ).toMatchObject({
      contentType: 'image/svg+xml',
    });
  });

  it('refuses what is not an image, an empty file and one over 300 KB', () => {
    expect(checkLogo(Buffer.from('MZ executable').toString('base64'))).toMatchObject({
      ok: false,
      key: 'olympiads.logoNotImage',
    });
    expect(checkLogo('')).toMatchObject({ ok: false, key: 'olympiads.logoEmpty' });
    const big = Buffer.concat([png, Buffer.alloc(LOGO_MAX_BYTES)]);
    expect(checkLogo(big.toString('base64'))).toMatchObject({
      ok: false,
      key: 'olympiads.logoTooLarge',
    });
  });
});
