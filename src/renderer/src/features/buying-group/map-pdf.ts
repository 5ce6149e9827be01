// Renderer (browser, same in Electron): the buying group map as a one-page PDF (pdf-lib, loaded
// on first use). The page carries the title, the highlighted deal and the date as real text (so
// the file is searchable and readable by pdftotext), and the map itself as the same picture the
// PNG export makes — in-picture legend included — so the page is true to the screen.
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

const PAGE: [number, number] = [842, 595]; // A4 landscape, points
const MARGIN = 30;
const INK = rgb(0x15 / 255, 0x1b / 255, 0x26 / 255);
const MUTED = rgb(0x4a / 255, 0x55 / 255, 0x65 / 255);

export interface MapPdfInput {
  title: string;
  /** "Highlighted deal: …" or "Everyone at the account". */
  dealLine: string;
  /** The date in words, as the screen shows it. */
  date: string;
  png: Uint8Array;
  /** The picture's size in CSS pixels (the PNG may be drawn at a higher scale). */
  width: number;
  height: number;
}

/** Text the standard fonts can encode (WinAnsi); anything else becomes its plain form or "?". */
function encodable(font: PDFFont): (text: string) => string {
  const ok = new Set(font.getCharacterSet());
  return (text) =>
    [...text.normalize('NFC')]
      .map((ch) => {
        if (ok.has(ch.codePointAt(0) ?? 0)) return ch;
        const plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        return plain && [...plain].every((c) => ok.has(c.codePointAt(0) ?? 0)) ? plain : '?';
      })
      .join('');
}

/** Shortens `text` with an ellipsis until it fits `width` at `size`. */
function fit(text: string, width: number, font: PDFFont, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let out = text;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}...`, size) > width) out = out.slice(0, -1);
  return `${out}...`;
}

export async function buildMapPdf(input: MapPdfInput): Promise<Uint8Array> {
  if (input.width <= 0 || input.height <= 0)
    throw new Error('DS_EXPORT_EMPTY: the map has nothing drawn yet. Wait for it to appear, then export.');
  const pdf = await PDFDocument.create();
  pdf.setTitle(input.title);
  pdf.setSubject(input.dealLine);
  pdf.setCreator('Deep Sales');
  const page = pdf.addPage(PAGE);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const safe = encodable(regular);
  const textWidth = PAGE[0] - 2 * MARGIN;
  let y = PAGE[1] - MARGIN - 18;
  page.drawText(fit(safe(input.title), textWidth, bold, 18), { x: MARGIN, y, size: 18, font: bold, color: INK });
  y -= 18;
  page.drawText(fit(safe(`${input.dealLine} · ${input.date}`), textWidth, regular, 11), {
    x: MARGIN,
    y,
    size: 11,
    font: regular,
    color: MUTED,
  });
  y -= 12;
  const image = await pdf.embedPng(input.png);
  // Fit the picture in what is left of the page, never enlarged beyond 1 pt per CSS pixel.
  const boxW = textWidth;
  const boxH = y - MARGIN;
  const scale = Math.min(boxW / input.width, boxH / input.height, 1);
  const w = input.width * scale;
  const h = input.height * scale;
  page.drawImage(image, { x: MARGIN + (boxW - w) / 2, y: y - h, width: w, height: h });
  return pdf.save();
}
