import type PdfKitDocument from 'pdfkit';

/**
 * Fonts shipped in the npm package dejavu-fonts-ttf (not read from the OS): DejaVu covers every
 * Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І) and is embedded, subset, into each PDF.
 */
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
export const FONTS = {
  sans: font('DejaVuSans.ttf'),
  sansBold: font('DejaVuSans-Bold.ttf'),
  serif: font('DejaVuSerif.ttf'),
  serifBold: font('DejaVuSerif-Bold.ttf'),
} as const;
export type FontName = keyof typeof FONTS;

/** pdfkit and its font engine load with the first document, not at start (docs/performance.md#memory-per-viewer). */
let pdfkit: typeof PdfKitDocument | undefined;
const PDFDocument = () => (pdfkit ??= require('pdfkit') as typeof PdfKitDocument);

export function newPdf(options: { title: string; layout?: 'portrait' | 'landscape'; margin?: number }): PDFKit.PDFDocument {
  const doc = new (PDFDocument())({ size: 'A4', layout: options.layout ?? 'portrait', margin: options.margin ?? 40, bufferPages: true, info: { Title: options.title, Creator: 'Olympiad venue server' } });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  doc.font('sans');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
