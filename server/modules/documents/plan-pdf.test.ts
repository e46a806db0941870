import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { seed000Draft, seed001Plan } from './plan-document.fixtures';
import { renderPlanPdf } from './plan-pdf';

/** The PDF's text, NFC and with whitespace collapsed (lines wrap anywhere). */
async function pdfText(buf: Buffer) {
  const { text, totalPages } = await extractText(new Uint8Array(buf), { mergePages: true });
  return { text: text.normalize('NFC').replace(/\s+/g, ' '), totalPages };
}

describe('renderPlanPdf', () => {
  it('writes the official text with its diacritics intact', async () => {
    const buf = await renderPlanPdf(seed001Plan());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, totalPages } = await pdfText(buf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 47/KH-UBND',
      'Châu Thành, ngày 18 tháng 02 năm 2022',
      'KẾ HOẠCH',
      seed001Plan().title,
      'I. MỤC ĐÍCH, YÊU CẦU',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Nơi nhận:',
      '- Lưu: VT, PM.',
      'CHỦ TỊCH',
      'Lê Ngọc Ân',
    ])
      expect(text).toContain(expected);
    expect(text.indexOf('KẾ HOẠCH')).toBeLessThan(text.indexOf('Nơi nhận:'));
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(totalPages).toBeLessThanOrEqual(6);
  });

  it('numbers pages from 2 in the top margin', async () => {
    const buf = await renderPlanPdf(seed001Plan());
    const { text } = await extractText(new Uint8Array(buf), { mergePages: false });
    // Numbers are drawn after the page's content, so they come last in its text.
    expect(text.length).toBeGreaterThanOrEqual(2);
    expect(text[0]?.trim()).toMatch(/ỦY BAN NHÂN DÂN[\s\S]*[^\d\s]$/u);
    text.slice(1).forEach((page, i) => expect(page.trim()).toMatch(new RegExp(`\\n${i + 2}$`)));
  });

  it('marks a draft and leaves the number blank', async () => {
    const { text } = await pdfText(await renderPlanPdf(seed000Draft()));
    expect(text).toContain('DỰ THẢO');
    expect(text).toMatch(/Số: \/KH-UBND/);
    expect(text).toContain('năm 2026');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('gives identical bytes for the same input and different bytes for another', async () => {
    const a = await renderPlanPdf(seed001Plan());
    const b = await renderPlanPdf(seed001Plan());
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20220218000000Z)'); // CreationDate, ModDate
    const c = await renderPlanPdf(seed001Plan({ documentNumber: '48/KH-UBND' }));
    expect(a.equals(c)).toBe(false);
  });
});
