/** The overlays a streaming operator can add to OBS (docs/results-display.md#overlays-for-obs). */
export const OVERLAY_KINDS = [
  'lower-third',
  'score-bug',
  'standings',
  'bracket',
  'podium',
] as const;
export type OverlayKind = (typeof OVERLAY_KINDS)[number];
export type OverlayLang = 'kk' | 'ru' | 'en';

export interface OverlayParams {
  kind: OverlayKind;
  stageCode: string;
  /** The field (maze table or sumo ring) of a lower third or score bug, by id. */
  fieldId: string | null;
  /** The category of a standings, bracket or score bug overlay, by id. */
  categoryId: string | null;
  lang: OverlayLang;
  /** Rows of a standings overlay. */
  top: number;
  /** Safe-area margins in pixels of the 1920×1080 frame: horizontal, vertical. */
  marginX: number;
  marginY: number;
}

export const DEFAULT_TOP = 8;
const MAX_TOP = 12;
/** The broadcast title-safe area (90% of the frame): 96 px and 54 px at 1920×1080. */
export const DEFAULT_MARGIN_X = 96;
export const DEFAULT_MARGIN_Y = 54;

function wholeNumber(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !/^\d{1,4}$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

/**
 * `/overlay.html?show=lower-third&stage=ABC123&field=…&lang=kk&n=8&mx=96&my=54`: what an overlay
 * shows, from its URL only (an OBS browser source has no one to press a button). Null when the URL
 * names no overlay or no stage.
 */
export function parseOverlayParams(search: URLSearchParams): OverlayParams | null {
  const kind = search.get('show');
  const stageCode = search.get('stage')?.trim().toUpperCase() ?? '';
  if (!OVERLAY_KINDS.includes(kind as OverlayKind) || !stageCode) return null;
  const lang = search.get('lang');
  return {
    kind: kind as OverlayKind,
    stageCode,
    fieldId: search.get('field') || null,
    categoryId: search.get('category') || null,
    lang: lang === 'ru' || lang === 'en' ? lang : 'kk',
    top: wholeNumber(search.get('n'), DEFAULT_TOP, 1, MAX_TOP),
    marginX: wholeNumber(search.get('mx'), DEFAULT_MARGIN_X, 0, 480),
    marginY: wholeNumber(search.get('my'), DEFAULT_MARGIN_Y, 0, 270),
  };
}

/** The overlay's address, as the console lists it for copying. */
export function overlayPath(
  params: Partial<OverlayParams> & Pick<OverlayParams, 'kind' | 'stageCode'>,
): string {
  const search = new URLSearchParams({ show: params.kind, stage: params.stageCode });
  if (params.fieldId) search.set('field', params.fieldId);
  if (params.categoryId) search.set('category', params.categoryId);
  search.set('lang', params.lang ?? 'kk');
  if (params.kind === 'standings') search.set('n', String(params.top ?? DEFAULT_TOP));
  if (params.marginX !== undefined) search.set('mx', String(params.marginX));
  if (params.marginY !== undefined) search.set('my', String(params.marginY));
  return `/overlay.html?${search.toString()}`;
}
