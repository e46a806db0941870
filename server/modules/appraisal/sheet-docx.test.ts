import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { appraisedSheet, selfSheet } from './sheet-export.fixtures';
import { exportSheetDocx, exportSheetXlsx } from './sheet-export.service';
import { communeTemplateLabel } from '../criteria/index';

let t: TestDb;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-sheet-docx-'));
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** word/document.xml, its paragraphs' text, and the text of each table row's cells. */
async function readDocx(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const textOf = (x: string) =>
    decode([...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map(([p]) => textOf(p));
  const rows = [...xml.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map(([, r = '']) =>
    [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c = '']) =>
      [...c.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map(([p]) => textOf(p)).join('\n'),
    ),
  );
  return { xml, paragraphs, rows, text: paragraphs.join('\n') };
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('score sheet .docx', () => {
  it('the appraisal summary: heading, unit, every stage, totals, band and signatures', async () => {
    const { w, id } = await appraisedSheet(t);
    const file = await exportSheetDocx(w.as('council', '2020-09-01T02:30:00Z'), id);
    expect(file.fileName).toBe(
      'Phiếu chấm điểm - Bộ phận một cửa, Xã Lương Điền - 62-KH-UBND.docx',
    );
    const d = await readDocx(file.data);
    expect(d.paragraphs).toContain('BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH');
    expect(d.paragraphs).toContain('Đơn vị: Bộ phận một cửa — Xã Lương Điền');
    expect(d.paragraphs.some((p) => p.startsWith('(Kế hoạch số 62/KH-UBND: '))).toBe(true);
    expect(d.paragraphs).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    for (const s of ['TỔ THẨM ĐỊNH', 'CHỦ TỊCH HỘI ĐỒNG']) expect(d.paragraphs).toContain(s);
    expect(d.text).not.toContain('NGƯỜI LẬP BIỂU');

    const header = d.rows.find((r) => r[0] === 'Mã');
    expect(header).toEqual([
      'Mã',
      'Tiêu chí',
      'Điểm tối đa',
      'Điểm tự chấm',
      'Giải trình / kiểm chứng',
      'Thẩm định lần 1',
      'Giải trình của đơn vị',
      'Thẩm định lần 2',
      'Điểm khảo sát',
      'Điểm cuối cùng',
      'Chênh lệch',
    ]);
    const row = (code: string) => d.rows.find((r) => r[0] === code);
    expect(row('1.2')).toEqual([
      '1.2',
      'Tỷ lệ hồ sơ giải quyết đúng hạn',
      '6,00',
      '4,00\n95 %',
      '',
      '2,00\nSố liệu thẩm định: 85 %\nHệ thống ghi nhận 85 %',
      'Hệ thống tính cả hồ sơ rút',
      '4,00\nChấp nhận giải trình',
      '',
      '4,00',
      '0,00',
    ]);
    expect(row('1.1')?.[4]).toBe('Đã ban hành KH 12\nTệp kiểm chứng: ke-hoach-12.pdf');
    const total = d.rows.find((r) => r[0] === 'TỔNG CỘNG');
    expect(total).toEqual([
      'TỔNG CỘNG',
      '20,00',
      '12,50',
      '',
      '14,50',
      '',
      '16,50',
      '',
      '16,50',
      '+4,00',
    ]);
    expect(d.rows.find((r) => r[0] === 'Tỷ lệ đạt (%)')?.[2]).toBe('62,50');
    expect(d.rows.find((r) => r[0] === 'Xếp loại')).toEqual(['Xếp loại', 'Tốt']);
    // A4 landscape, the header row repeated on every page, Times New Roman 13 pt.
    expect(d.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(d.xml).toContain('<w:tblHeader/>');
    const styles =
      (await (await JSZip.loadAsync(file.data)).file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('<w:sz w:val="26"/>');
    expect(styles).toContain('w:ascii="Times New Roman"');

    // Same data: the same bytes, whenever and by whomever it is exported.
    const again = await exportSheetDocx(w.as('head', '2021-03-04T05:06:07Z'), id);
    expect(again.data.equals(file.data)).toBe(true);
  });

  it('is titled by the plan and the unit, never by the example set’s placeholder name', async () => {
    const { w, id } = await selfSheet(t);
    const title = (
      await t.db
        .selectFrom('campaignPlan')
        .select('title')
        .where('id', '=', w.plan.id)
        .executeTakeFirstOrThrow()
    ).title;
    const own = await readDocx((await exportSheetDocx(w.as('head'), id)).data);
    const heading = own.paragraphs.indexOf('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM');
    expect(own.paragraphs.slice(heading + 1, heading + 4)).toEqual([
      `(Kế hoạch số 62/KH-UBND: ${title})`,
      'Đơn vị: Bộ phận một cửa — Xã Lương Điền',
      'Bộ tiêu chí: Bộ chỉ số CCHC thử — phiên bản 1',
    ]);
    // The plan uses the shipped example set: its name is a placeholder and stays off the paper.
    await sql`UPDATE criteria_set SET is_example = true, name = ${communeTemplateLabel}
      WHERE id = (SELECT v.set_id FROM score_sheet s
        JOIN criteria_set_version v ON v.id = s.criteria_version_id WHERE s.id = ${id})`.execute(
      t.db,
    );
    const example = await readDocx((await exportSheetDocx(w.as('head'), id)).data);
    expect(example.paragraphs.slice(heading + 1, heading + 3)).toEqual([
      `(Kế hoạch số 62/KH-UBND: ${title})`,
      'Đơn vị: Bộ phận một cửa — Xã Lương Điền',
    ]);
    expect(example.text).not.toContain('minh họa');
    expect(example.text).not.toContain('Bộ tiêu chí:');
    const xlsx = await exportSheetXlsx(w.as('head'), id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells.join('\n')).not.toContain('minh họa');
  });

  it('the self-assessment table: the unit’s columns only and the unit’s signatures', async () => {
    const { w, id } = await selfSheet(t);
    const d = await readDocx((await exportSheetDocx(w.as('head'), id)).data);
    expect(d.paragraphs).toContain('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM');
    expect(d.paragraphs).toContain('BỘ PHẬN MỘT CỬA');
    expect(d.paragraphs).toContain('UBND XÃ LƯƠNG ĐIỀN');
    for (const s of ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(d.paragraphs).toContain(s);
    expect(d.paragraphs.some((p) => /^Lương Điền, ngày …… tháng …… năm 2020$/.test(p))).toBe(true);
    expect(d.rows.find((r) => r[0] === 'Mã')).toEqual([
      'Mã',
      'Tiêu chí',
      'Điểm tối đa',
      'Số liệu tự chấm',
      'Điểm tự chấm',
      'Giải trình / kiểm chứng',
    ]);
    expect(d.rows.find((r) => r[0] === '1.2')).toEqual([
      '1.2',
      'Tỷ lệ hồ sơ giải quyết đúng hạn',
      '6,00',
      '95 %',
      '4,00',
      '',
    ]);
    expect(d.rows.find((r) => r[0] === 'TỔNG CỘNG')).toEqual([
      'TỔNG CỘNG',
      '20,00',
      '',
      '12,50',
      '',
    ]);
    expect(d.text).not.toContain('Thẩm định lần 1');
    expect(d.text).not.toContain('Xếp loại');
  });

  it.skipIf(!hasSoffice)(
    'LibreOffice converts it to a PDF with the table and signatures',
    async () => {
      const { w, id } = await appraisedSheet(t);
      const docx = path.join(dir, 'phieu.docx');
      fs.writeFileSync(docx, (await exportSheetDocx(w.as('council'), id)).data);
      await promisify(execFile)(
        'soffice',
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { timeout: 60_000 },
      );
      const pdf = fs.readFileSync(path.join(dir, 'phieu.pdf'));
      const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
      const flat = text.normalize('NFC').replace(/\s+/g, ' ');
      for (const s of [
        'BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH',
        'Bộ phận một cửa',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        'TỔ THẨM ĐỊNH',
        'CHỦ TỊCH HỘI ĐỒNG',
        '16,50',
      ])
        expect(flat).toContain(s);
      expect(totalPages).toBeGreaterThanOrEqual(1);
      expect(totalPages).toBeLessThanOrEqual(3);
    },
    90_000,
  );
});
