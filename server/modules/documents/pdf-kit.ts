import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Building blocks of every PDF the system writes in the Decree 30/2020 layout (as docx-kit.ts is
 * for Word): A4, margins 20/20/30/15 mm, Noto Serif standing in for Times New Roman (it ships in
 * npm with full Vietnamese coverage), a Layout helper and a bordered grid table that repeats its
 * header row on each page. Sizes are in points.
 */

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
const fontFiles: Record<Face, string> = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

let fontCache: Record<Face, Buffer> | null = null;
/** Font files, read once per process; resolved from the package, not the working directory. */
export function fonts(): Record<Face, Buffer> {
  if (fontCache === null) {
    const require = createRequire(import.meta.url);
    const root = path.dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
    const read = (face: Face) => fs.readFileSync(path.join(root, fontFiles[face]));
    fontCache = {
      regular: read('regular'),
      bold: read('bold'),
      italic: read('italic'),
      boldItalic: read('boldItalic'),
    };
  }
  return fontCache;
}

export const mm = (v: number) => (v * 72) / 25.4;
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const INDENT = 36; // 1.27 cm
export const PARAGRAPH_GAP = 6;
export const LINE_GAP = 1.5;

export type Doc = PDFKit.PDFDocument;
export type Style = { face: Face; size: number };

/** Text placement on a pdfkit page within its margins, in points. */
export class Layout {
  readonly x: number;
  readonly width: number;
  constructor(readonly doc: Doc) {
    this.x = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  use(style: Style): Doc {
    return this.doc.font(style.face).fontSize(style.size);
  }

  /** Centred text in a column; returns the y below it. */
  centred(text: string, style: Style, x: number, y: number, width: number): number {
    this.use(style).text(text, x, y, { width, align: 'center', lineGap: LINE_GAP });
    return this.doc.y;
  }

  rule(centreX: number, y: number, length: number): void {
    this.doc
      .moveTo(centreX - length / 2, y)
      .lineTo(centreX + length / 2, y)
      .lineWidth(0.6)
      .stroke();
  }

  height(text: string, style: Style, width: number, options: PDFKit.Mixins.TextOptions = {}) {
    return this.use(style).heightOfString(text, { width, lineGap: LINE_GAP, ...options });
  }

  /** Starts a new page unless `needed` points fit above the bottom margin. */
  ensureSpace(needed: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + needed > bottom) this.doc.addPage();
  }
}

/**
 * A new A4 PDF in the decree's margins with the four Noto Serif faces registered, and the promise
 * of its bytes once `doc.end()` is called. Byte-identical for the same content: the info dates are
 * fixed to `date`, and pdfkit derives the file ID from the info dictionary only.
 */
export function officialPdf(o: {
  title: string;
  author: string;
  date: Date;
  landscape?: boolean;
}): {
  doc: Doc;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    layout: o.landscape === true ? 'landscape' : 'portrait',
    margins: MARGIN,
    bufferPages: true,
    lang: 'vi-VN',
    info: {
      Title: o.title,
      Author: o.author,
      Creator: 'ThiĐua',
      Producer: 'ThiĐua',
      CreationDate: o.date,
      ModDate: o.date,
    },
  });
  const f = fonts();
  for (const face of Object.keys(f) as Face[]) doc.registerFont(face, f[face]);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A column of a grid table: its header, relative width and alignment. */
export type GridColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

/**
 * A bordered table across the text width from the current y: a bold header row (repeated at the
 * top of each new page), then the rows; a row never splits across pages. `bold` rows (a total)
 * are set in bold. Leaves `doc.y` below the table.
 */
export function drawGridTable(
  l: Layout,
  columns: readonly GridColumn[],
  rows: readonly { cells: readonly string[]; bold?: boolean }[],
  size = 11,
): void {
  const pad = 3;
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / sum) * l.width);
  const xs = widths.map((_, i) => l.x + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const rowHeight = (cells: readonly string[], face: Face) =>
    Math.max(
      ...cells.map(
        (text, i) => l.height(text, { face, size }, (widths[i] ?? 0) - 2 * pad) + 2 * pad,
      ),
    );
  const drawRow = (cells: readonly string[], face: Face, header: boolean) => {
    const h = rowHeight(cells, face);
    const y = l.doc.y;
    cells.forEach((text, i) => {
      const x = xs[i] ?? l.x;
      const w = widths[i] ?? 0;
      l.doc.rect(x, y, w, h).lineWidth(0.5).stroke();
      l.use({ face, size }).text(text, x + pad, y + pad, {
        width: w - 2 * pad,
        align: header ? 'center' : (columns[i]?.align ?? 'left'),
        lineGap: LINE_GAP,
      });
    });
    l.doc.y = y + h;
  };
  const headers = columns.map((c) => c.header);
  const bottom = () => l.doc.page.height - l.doc.page.margins.bottom;
  drawRow(headers, 'bold', true);
  for (const row of rows) {
    const face: Face = row.bold === true ? 'bold' : 'regular';
    if (l.doc.y + rowHeight(row.cells, face) > bottom()) {
      l.doc.addPage();
      drawRow(headers, 'bold', true);
    }
    drawRow(row.cells, face, false);
  }
  l.doc.x = l.x;
}
