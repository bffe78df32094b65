import { rasterImageType } from './raster-image-type';

describe('rasterImageType', () => {
  it('reads PNG, JPEG and WebP from their first bytes', () => {
    expect(rasterImageType(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe(
      'image/png',
    );
    expect(rasterImageType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(rasterImageType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
  });

  it('gives null for anything else, whatever it is named: SVG, text, a cut-off PNG, nothing', () => {
    expect(rasterImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(rasterImageType(Buffer.from('just text'))).toBeNull();
    expect(rasterImageType(Buffer.from('89504e47', 'hex'))).toBeNull();
    expect(rasterImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVE', 'latin1'))).toBeNull();
    expect(rasterImageType(Buffer.alloc(0))).toBeNull();
  });
});
