import { overlayPath, parseOverlayParams } from './overlays';

const parse = (query: string) => parseOverlayParams(new URLSearchParams(query));

describe('overlay URLs', () => {
  it('reads what to show from the URL, with the title-safe margins and Kazakh by default', () => {
    expect(parse('show=lower-third&stage=abc123&field=f1')).toEqual({
      kind: 'lower-third',
      stageCode: 'ABC123',
      fieldId: 'f1',
      categoryId: null,
      lang: 'kk',
      top: 8,
      marginX: 96,
      marginY: 54,
    });
  });

  it('names no overlay without a known kind or a stage', () => {
    expect(parse('show=ticker&stage=ABC123')).toBeNull();
    expect(parse('show=standings')).toBeNull();
  });

  it('keeps N and the margins within the frame and ignores what is not a number', () => {
    expect(parse('show=standings&stage=S&n=40&mx=2000&my=-5&lang=ru')).toMatchObject({
      top: 12,
      marginX: 480,
      marginY: 54,
      lang: 'ru',
    });
    expect(parse('show=standings&stage=S&n=0')?.top).toBe(1);
  });

  it('writes the address the parser reads back', () => {
    const path = overlayPath({
      kind: 'standings',
      stageCode: 'ABC123',
      categoryId: 'c1',
      lang: 'ru',
      top: 5,
    });
    expect(path).toBe('/overlay.html?show=standings&stage=ABC123&category=c1&lang=ru&n=5');
    expect(parse(path.split('?')[1])).toMatchObject({
      kind: 'standings',
      categoryId: 'c1',
      top: 5,
    });
  });
});
