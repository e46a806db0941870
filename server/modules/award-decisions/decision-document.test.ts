import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { DecisionDocumentInput } from './decision-document';
import { buildDecisionOutline } from './decision-document';
import { renderDecisionDocx } from './decision-docx';
import { renderDecisionPdf } from './decision-pdf';

/** Seed 000: the commune's gift of 300.000đ to each exemplary person, issued by the chairman. */
function seed000(over: Partial<DecisionDocumentInput> = {}): DecisionDocumentInput {
  return {
    parentBody: 'UBND HUYỆN CẨM GIÀNG',
    issuingBody: 'ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
    decider: 'chairman',
    documentNumber: '12/QĐ-CT',
    place: 'Lương Điền',
    decisionDate: '2025-12-15',
    draft: false,
    title: 'khen thưởng gương người tốt, việc tốt năm 2025',
    legalBases: [],
    fundingSource: 'Quỹ thi đua, khen thưởng của xã',
    signerName: 'Nguyễn Văn An',
    signerTitle: 'Chủ tịch',
    replaces: null,
    rows: [
      {
        kind: 'person',
        name: 'Lê Thị Mai',
        positionText: 'Công chức, Bộ phận một cửa',
        achievement: 'Nhặt được của rơi trả lại người mất',
        formName: 'Quà tặng gương điển hình',
        amount: 300_000,
      },
      {
        kind: 'person',
        name: 'Trần Văn Bình',
        positionText: 'Trưởng thôn Đông',
        achievement: 'Vận động hiến đất làm đường',
        formName: 'Quà tặng gương điển hình',
        amount: 300_000,
      },
    ],
    ...over,
  };
}

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .normalize('NFC');
}

async function pdfText(buf: Buffer) {
  const { text, totalPages } = await extractText(new Uint8Array(buf), { mergePages: true });
  return { text: text.normalize('NFC').replace(/\s+/g, ' '), totalPages };
}

const expected = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/QĐ-CT',
  'Lương Điền, ngày 15 tháng 12 năm 2025',
  'QUYẾT ĐỊNH',
  'Về việc khen thưởng gương người tốt, việc tốt năm 2025',
  'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  'QUYẾT ĐỊNH:',
  'Điều 1.',
  '02 cá nhân (có danh sách kèm theo)',
  'Tổng số tiền thưởng: 600.000 đồng (bằng chữ: sáu trăm nghìn đồng), chi từ quỹ thi đua, khen thưởng của xã.',
  'Điều 3.',
  'Nơi nhận:',
  'Nguyễn Văn An',
  'DANH SÁCH KHEN THƯỞNG',
  '(Kèm theo Quyết định số 12/QĐ-CT ngày 15 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân xã Lương Điền)',
  'Lê Thị Mai',
  'Nhặt được của rơi trả lại người mất',
  '300.000',
  'Tổng cộng: 02 cá nhân',
  '600.000',
];

describe('award decision documents', () => {
  it('outlines a committee decision with its signer block and default legal bases', () => {
    const o = buildDecisionOutline(seed000({ decider: 'committee', documentNumber: '05/QĐ-UBND' }));
    expect(o.header.number).toBe('Số: 05/QĐ-UBND');
    expect(o.authority).toBe('ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN');
    expect(o.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Nguyễn Văn An',
    });
    expect(o.legalBases.at(-1)?.endsWith('.')).toBe(true);
    expect(o.annex?.rows.at(-1)).toMatchObject({
      bold: true,
      cells: ['', 'Tổng cộng: 02 cá nhân', '', '', '', '600.000'],
    });
  });

  it('leaves a draft unnumbered and undated, marked DỰ THẢO', () => {
    const o = buildDecisionOutline(seed000({ draft: true, documentNumber: null }));
    expect(o.draftMark).toBe('DỰ THẢO');
    expect(o.header.number).toBe('Số:      /QĐ-CT');
    expect(o.header.placeDate).toBe('Lương Điền, ngày      tháng      năm 2025');
  });

  it('cancels an earlier decision in Điều 1 with the reason, with no annex', () => {
    const o = buildDecisionOutline(
      seed000({
        documentNumber: '13/QĐ-CT',
        rows: [],
        replaces: {
          kind: 'cancel',
          documentNumber: '12/QĐ-CT',
          decisionDate: '2025-12-15',
          title: 'Về việc khen thưởng gương người tốt, việc tốt năm 2025',
          reason: 'Khen thưởng trùng thành tích',
        },
      }),
    );
    expect(o.articles[0]?.text).toContain(
      'Hủy bỏ Quyết định số 12/QĐ-CT ngày 15 tháng 12 năm 2025',
    );
    expect(o.articles[0]?.text).toContain('Lý do: Khen thưởng trùng thành tích.');
    expect(o.annex).toBeNull();
  });

  it('writes a .docx that opens, with the decision and the annex table in order', async () => {
    const buf = await renderDecisionDocx(seed000());
    const text = await docxText(buf);
    for (const e of expected) expect(text).toContain(e);
    expect(text.indexOf('QUYẾT ĐỊNH:')).toBeLessThan(text.indexOf('DANH SÁCH KHEN THƯỞNG'));
    // Byte-identical re-render.
    expect((await renderDecisionDocx(seed000())).equals(buf)).toBe(true);
  });

  it('writes a .pdf with the same text', async () => {
    const buf = await renderDecisionPdf(seed000());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, totalPages } = await pdfText(buf);
    for (const e of expected) expect(text).toContain(e);
    expect(totalPages).toBe(2);
  });
});
