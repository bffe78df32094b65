import type { DiplomaDesign } from '@olympiad/contracts';
import type * as QRCodeModule from 'qrcode';

/** What a diploma page carries to be checked (docs/diplomas.md): its code as printed, and a QR code to the check page. */
export interface DiplomaCheckMark {
  code: string;
  url: string;
}

// Loaded with the first diploma, not at start (docs/performance.md#memory-per-viewer).
let qrcode: typeof QRCodeModule | undefined;
const QRCode = () => (qrcode ??= require('qrcode') as typeof QRCodeModule);

const SIZE = 72;

/**
 * The QR code and the code under it: in the classic design's top-right corner, inside the frame;
 * in the modern one at the foot of the coloured band, on a white square of its own.
 */
export async function drawDiplomaCheckMark(
  doc: PDFKit.PDFDocument,
  mark: DiplomaCheckMark,
  design: DiplomaDesign,
): Promise<void> {
  const png = await QRCode().toBuffer(mark.url, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
  const { width, height } = doc.page;
  const x = design === 'classic' ? width - 44 - SIZE : (120 - SIZE) / 2;
  const y = design === 'classic' ? 44 : height - 40 - SIZE - 14;
  if (design === 'modern') doc.rect(x - 4, y - 4, SIZE + 8, SIZE + 22).fill('#ffffff');
  doc.image(png, x, y, { width: SIZE, height: SIZE });
  doc
    .font('sans')
    .fontSize(8)
    .fillColor('#333')
    .text(mark.code, x - 10, y + SIZE + 2, { width: SIZE + 20, align: 'center', lineBreak: false });
}
