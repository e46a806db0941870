import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { extractPlanText } from './extract-text';
import { docxBomb } from '../../../test/zip-bombs';
import { readPlanText } from './read-plan';

const FONT = path.resolve(
  import.meta.dirname,
  '../../../../node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
);

const LINES = [
  'Số: 47/KH-UBND',
  'Châu Thành, ngày 18 tháng 02 năm 2022',
  'KẾ HOẠCH',
  'Phát động phong trào thi đua cải cách hành chính',
  'Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ;',
];

function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  draw(doc);
  doc.end();
  return done;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('extractPlanText', () => {
  it('reads a .docx built with the docx package', async () => {
    const doc = new Document({
      sections: [{ children: LINES.map((l) => new Paragraph({ children: [new TextRun(l)] })) }],
    });
    const text = await extractPlanText(await Packer.toBuffer(doc), 'ke-hoach.DOCX');
    for (const line of LINES) expect(text).toContain(line);
    const r = readPlanText(text).result;
    expect(r.documentNumber).toBe('47/KH-UBND');
    expect(r.issuedOn).toBe('2022-02-18');
    expect(r.legalBases[0]?.number).toBe('23/CT-TTg');
  });

  it('reads the text layer of a .pdf, accents included', async () => {
    const bytes = await pdf((doc) => {
      doc.font(FONT);
      for (const line of LINES) doc.text(line);
    });
    const text = await extractPlanText(bytes, 'ke-hoach.pdf');
    expect(text).toContain('Châu Thành, ngày 18 tháng 02 năm 2022');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Phát động phong trào thi đua cải cách hành chính');
    expect(text).toBe(text.normalize('NFC'));
    expect(readPlanText(text).result.documentNumber).toBe('47/KH-UBND');
  });

  it('refuses a scanned .pdf (no text layer) in Vietnamese, naming the file field', async () => {
    const bytes = await pdf((doc) => {
      doc.rect(50, 50, 300, 400).fill('#333333');
    });
    const e = await refusal(extractPlanText(bytes, 'ban-quet.pdf'));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toBe(
      'Tệp PDF không có lớp chữ (bản quét). Hãy dùng bản có chữ hoặc dán nội dung.',
    );
    expect(e.details?.fields?.[0]).toMatchObject({ field: 'file', label: 'Tệp kế hoạch' });
  });

  it('refuses an unknown extension and a broken .docx', async () => {
    const odt = await refusal(extractPlanText(Buffer.from('x'), 'ke-hoach.odt'));
    expect(odt.code).toBe('VALIDATION_FAILED');
    expect(odt.message).toMatch(/chỉ nhận tệp \.txt, \.docx hoặc \.pdf/u);
    expect(odt.details?.fields?.[0]?.label).toBe('Tệp kế hoạch');
    const docx = await refusal(extractPlanText(Buffer.from('not a zip'), 'ke-hoach.docx'));
    expect(docx.message).toMatch(/Không đọc được tệp \.docx/u);
  });

  it('refuses a .docx zip bomb (1 MB → 420 MB) before inflating it, naming the file field', async () => {
    const before = process.memoryUsage().rss;
    const e = await refusal(extractPlanText(docxBomb(), 'ke-hoach.docx'));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/^Tệp kế hoạch: tệp quá lớn khi giải nén/u);
    expect(e.details?.fields?.[0]).toMatchObject({ field: 'file', label: 'Tệp kế hoạch' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('reads .txt as UTF-8 (BOM stripped) or UTF-16LE with BOM, CRLF to LF, always NFC', async () => {
    const body = 'Số: 19 /KH-UBND\r\nTiền Thành, ngày 24 tháng 02 năm 2023';
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(body.normalize('NFD')),
    ]);
    const fromUtf8 = await extractPlanText(utf8, 'a.txt');
    expect(fromUtf8).toBe('Số: 19 /KH-UBND\nTiền Thành, ngày 24 tháng 02 năm 2023');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    expect(await extractPlanText(utf16, 'b.TXT')).toBe(fromUtf8);
    expect(readPlanText(fromUtf8).result.documentNumber).toBe('19/KH-UBND');
  });

  it('refuses a .txt that is not UTF-8', async () => {
    const e = await refusal(extractPlanText(Buffer.from([0x53, 0xe1, 0x20, 0xff]), 'c.txt'));
    expect(e.message).toMatch(/UTF-8/u);
  });
});
