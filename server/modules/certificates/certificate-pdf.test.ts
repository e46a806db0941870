import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import {
  certificatesPdfReadable,
  renderCertificatesPdf,
  streamCertificatesPdf,
  STANDARD_LAYOUT,
} from './certificate-pdf';
import { sampleCertificateRow } from './certificate-sample';

const mm = (v: number) => (v * 72) / 25.4;

/** Each page's text, NFC and with whitespace collapsed. */
async function pageTexts(buf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(buf), { mergePages: false });
  return text.map((t) => t.normalize('NFC').replace(/\s+/g, ' '));
}

type Item = { str: string; x: number; y: number; size: number; width: number };
/** The text items of a page with their positions (PDF points, origin bottom left). */
async function pageItems(buf: Buffer, page = 1): Promise<{ items: Item[]; view: number[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const p = await pdf.getPage(page);
  const content = await p.getTextContent();
  const items = content.items.flatMap((i) =>
    'str' in i && i.str.trim() !== ''
      ? [
          {
            str: i.str.normalize('NFC'),
            x: Number(i.transform[4]),
            y: Number(i.transform[5]),
            size: Math.abs(Number(i.transform[3])),
            width: i.width,
          },
        ]
      : [],
  );
  return { items, view: p.view };
}

describe('renderCertificatesPdf', () => {
  it('prints the Decree 98 Art. 104 lines of a Giấy khen', async () => {
    const buf = await renderCertificatesPdf(STANDARD_LAYOUT, [sampleCertificateRow()]);
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [text = ''] = await pageTexts(buf);
    const expected = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
      'TẶNG',
      'GIẤY KHEN',
      'Nguyễn Thị Lan',
      'Công chức Văn phòng - Thống kê, Ủy ban nhân dân xã Lương Điền',
      'cải cách hành chính nhà nước năm 2023',
      'Quyết định số 12/QĐ-UBND',
      'ngày 05 tháng 01 năm 2024',
      'Số sổ vàng: 7',
      'Lương Điền, ngày 05 tháng 01 năm 2024',
      'Phạm Văn Hùng',
    ];
    for (const e of expected) expect(text).toContain(e);
    // Top to bottom: nation, signer's title, TẶNG, form, recipient, achievement, signer.
    const order = expected.slice(0, 7).map((e) => text.indexOf(e));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('TẶNG DANH HIỆU');
  });

  it('reads "TẶNG DANH HIỆU" for a title and names a collective with its parent unit', async () => {
    const buf = await renderCertificatesPdf(STANDARD_LAYOUT, [
      sampleCertificateRow({
        awardKind: 'title',
        formName: 'Chiến sĩ thi đua cơ sở',
        recipientKind: 'collective',
        name: 'Bộ phận Một cửa',
        position: null,
        unit: 'Ủy ban nhân dân xã Lương Điền',
        goldenBookNo: null,
      }),
    ]);
    const [text = ''] = await pageTexts(buf);
    expect(text).toContain('TẶNG DANH HIỆU');
    expect(text).toContain('CHIẾN SĨ THI ĐUA CƠ SỞ');
    expect(text).toContain('Thuộc Ủy ban nhân dân xã Lương Điền');
    expect(text).not.toContain('Số sổ vàng');
  });

  it('gives one A4 landscape page per row, each with its recipient', async () => {
    const names = ['Trần Văn An', 'Lê Thị Bình', 'Phạm Minh Châu'];
    const buf = await renderCertificatesPdf(
      STANDARD_LAYOUT,
      names.map((name, i) => sampleCertificateRow({ name, goldenBookNo: i + 1 })),
    );
    const texts = await pageTexts(buf);
    expect(texts).toHaveLength(3);
    texts.forEach((t, i) => {
      expect(t).toContain(names[i]);
      expect(t).toContain(`Số sổ vàng: ${i + 1}`);
    });
    const { view } = await pageItems(buf, 2);
    expect(view[2]).toBeCloseTo(841.89, 1); // 297 mm wide
    expect(view[3]).toBeCloseTo(595.28, 1); // 210 mm high
  });

  it('shrinks and cuts long names and achievements so nothing leaves the page', async () => {
    const longName = 'Nguyễn Hoàng Phương Thảo Trâm Anh Ngọc Bích '.repeat(6).trim();
    const achievement = 'Đã có thành tích xuất sắc trong công tác cải cách hành chính, '.repeat(60);
    const buf = await renderCertificatesPdf(STANDARD_LAYOUT, [
      sampleCertificateRow({ name: longName, achievement }),
      sampleCertificateRow(),
    ]);
    const texts = await pageTexts(buf);
    expect(texts).toHaveLength(2); // no overflow page
    const { items, view } = await pageItems(buf, 1);
    const [, , width = 0, height = 0] = view;
    for (const i of items) {
      expect(i.x).toBeGreaterThanOrEqual(0);
      expect(i.x).toBeLessThan(width);
      expect(i.y).toBeGreaterThan(0);
      expect(i.y).toBeLessThan(height);
    }
    // The signer's block is still there, below the achievement.
    expect(texts[0]).toContain('Phạm Văn Hùng');
    const achievementLines = items.filter((i) => i.str.includes('cải cách hành chính'));
    const signer = items.find((i) => i.str.includes('Phạm Văn Hùng'));
    expect(signer).toBeDefined();
    for (const line of achievementLines) expect(line.y).toBeGreaterThan(signer?.y ?? 0);
    expect(Math.max(...achievementLines.map((l) => l.size))).toBeLessThan(15);
  });

  it('applies the template offsets and prints only the variable fields on a blank', async () => {
    const row = sampleCertificateRow();
    const standard = await pageItems(await renderCertificatesPdf(STANDARD_LAYOUT, [row]));
    const shifted = await renderCertificatesPdf(
      { mode: 'blank', offsets: { recipientName: { x: 20, y: 10, fontSize: 28 } } },
      [row],
    );
    const before = standard.items.find((i) => i.str === 'Nguyễn Thị Lan');
    const after = (await pageItems(shifted)).items.find((i) => i.str === 'Nguyễn Thị Lan');
    expect(before?.size).toBeCloseTo(22, 0);
    expect(after?.size).toBeCloseTo(28, 0);
    // Centred in a box moved 20 mm right: the centre of the text moves 20 mm.
    const centre = (i: Item | undefined) => (i === undefined ? 0 : i.x + i.width / 2);
    expect(centre(after) - centre(before)).toBeCloseTo(mm(20), 0);
    // 10 mm lower on paper is 10 mm smaller y in PDF space (plus the larger ascent).
    expect((before?.y ?? 0) - (after?.y ?? 0)).toBeGreaterThan(mm(10));
    expect((before?.y ?? 0) - (after?.y ?? 0)).toBeLessThan(mm(10) + 10);

    const [text = ''] = await pageTexts(shifted);
    for (const fixed of ['CỘNG HÒA', 'Độc lập', 'ỦY BAN NHÂN DÂN XÃ', 'TẶNG', 'GIẤY KHEN'])
      expect(text).not.toContain(fixed);
    for (const variable of [
      'Nguyễn Thị Lan',
      'Quyết định số 12/QĐ-UBND',
      'Số sổ vàng: 7',
      'Lương Điền, ngày 05 tháng 01 năm 2024',
      'Phạm Văn Hùng',
    ])
      expect(text).toContain(variable);
  });

  it('streams to a file, byte-identical for the same input', async () => {
    const rows = [sampleCertificateRow(), sampleCertificateRow({ name: 'Lê Văn Tám' })];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cert-')), 'gk.pdf');
    const { pages } = await streamCertificatesPdf(
      STANDARD_LAYOUT,
      rows,
      fs.createWriteStream(file),
    );
    expect(pages).toBe(2);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.equals(await renderCertificatesPdf(STANDARD_LAYOUT, rows))).toBe(true);
    expect(await pageTexts(onDisk)).toHaveLength(2);
  });

  it('stops and rejects when the output fails, and serves a readable stream', async () => {
    let rowsRead = 0;
    const rows = function* () {
      for (let i = 0; i < 500; i++) {
        rowsRead += 1;
        yield sampleCertificateRow({ goldenBookNo: i + 1 });
      }
    };
    const broken = new Writable({
      write: (_chunk, _encoding, callback) => callback(new Error('client went away')),
    });
    await expect(streamCertificatesPdf(STANDARD_LAYOUT, rows(), broken)).rejects.toThrow(
      'client went away',
    );
    expect(rowsRead).toBeLessThan(500);

    const chunks: Buffer[] = [];
    for await (const c of certificatesPdfReadable(STANDARD_LAYOUT, [sampleCertificateRow()]))
      chunks.push(c as Buffer);
    expect(await pageTexts(Buffer.concat(chunks))).toHaveLength(1);
  });
});
