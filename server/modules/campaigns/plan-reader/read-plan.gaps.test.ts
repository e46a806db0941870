import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanText } from './read-plan';

/**
 * Gaps closed after the first held-out texts: whole-year periods, a giver named before the form,
 * one percentage for both scopes, yearly deadlines, OCR-garbled "Điều" / "Mỗi" / "Nhận bài", and a
 * heading on its own line. Each with the cases that must stay unread.
 */

const HEAD = [
  'ỦY BAN NHÂN DÂN',
  'HUYỆN AN PHÚ',
  'Số: 12/KH-UBND',
  'An Phú, ngày 10 tháng 3 năm 2022',
  '',
  'KẾ HOẠCH',
  'Thi đua cải cách hành chính',
  '',
];
const TAIL = ['', 'Nơi nhận:', '- Lưu: VT.', '', 'CHỦ TỊCH', '', 'Lê Văn An'];

function read(...body: string[]) {
  return readPlanText([...HEAD, ...body, ...TAIL].join('\n')).result;
}

describe('periods in whole years', () => {
  it('reads "từ năm … đến (hết) năm …" in a sentence about time', () => {
    const r = read('I. THỜI GIAN', 'Thời gian thực hiện từ năm 2022 đến hết năm 2024.');
    expect([r.periodStart, r.periodEnd]).toEqual(['2022-01-01', '2024-12-31']);
  });

  it('reads "giai đoạn 2022 - 2025" under a time heading or after "Thời gian …:"', () => {
    for (const body of [
      ['III. THỜI GIAN THI ĐUA', 'Phong trào được triển khai trong giai đoạn 2022 - 2025.'],
      ['III. THỜI GIAN THI ĐUA: giai đoạn 2022 - 2025'],
      ['I. TỔ CHỨC', 'Thời gian tổ chức: giai đoạn 2022-2025.'],
      ['I. THỜI GIAN', 'Thời gian thực hiện Kế hoạch này: giai đoạn 2022 - 2025.'],
    ]) {
      const r = read(...body);
      expect([r.periodStart, r.periodEnd], body.join(' / ')).toEqual(['2022-01-01', '2025-12-31']);
    }
  });

  it('does not take the span of a cited programme, nor a range outside a time context', () => {
    for (const body of [
      ['I. THỜI GIAN THI ĐUA', 'Thực hiện theo Chương trình tổng thể CCHC giai đoạn 2021-2030.'],
      ['I. NỘI DUNG', '1. Thực hiện Chương trình tổng thể CCHC giai đoạn 2021-2030.'],
      ['I. MỤC ĐÍCH', 'Phong trào thi đua giai đoạn 2021 - 2025 nhằm hoàn thành kế hoạch.'],
      ['I. THỜI GIAN', 'Từ năm 2025 đến năm 2021.'],
      ['I. THỜI GIAN', 'Từ năm 2021 đến năm 2040.'],
    ]) {
      const r = read(...body);
      expect([r.periodStart, r.periodEnd], body.join(' / ')).toEqual([null, null]);
    }
  });
});

describe('who gives a reward', () => {
  it('links a giver named before the form ("Chủ tịch UBND huyện tặng Giấy khen")', () => {
    const r = read('I. KHEN THƯỞNG', 'Hằng năm, Chủ tịch UBND huyện tặng Giấy khen cho tập thể.');
    expect(r.rewards).toEqual([
      { form: 'Giấy khen', issuerTitle: 'Chủ tịch UBND huyện', amountVnd: null },
    ]);
    expect(read('I. KHEN THƯỞNG', 'UBND xã khen thưởng bằng Giấy khen.').rewards).toEqual([
      { form: 'Giấy khen', issuerTitle: 'UBND xã', amountVnd: null },
    ]);
  });

  it('does not take the recipient after "cho" for the giver', () => {
    const given = read('I. KHEN THƯỞNG', 'Chủ tịch UBND huyện tặng Giấy khen cho UBND xã An Bình.');
    expect(given.rewards.map((w) => w.issuerTitle)).toEqual(['Chủ tịch UBND huyện']);
    const unnamed = read('I. KHEN THƯỞNG', 'Tặng Giấy khen cho UBND xã Tân Phú.');
    expect(unnamed.rewards.map((w) => w.issuerTitle)).toEqual([null]);
  });
});

describe('one percentage for both scopes', () => {
  it('gives a quota per scope when both follow the percentage', () => {
    const r = read(
      'I. KHEN THƯỞNG',
      '1. Giấy khen: không quá 30% số tập thể, cá nhân đăng ký thi đua.',
      '2. Bằng khen: không quá 15% số cá nhân và tập thể.',
    );
    expect(r.quotas).toEqual([
      { scope: 'collective', level: 'Giấy khen', maxCount: null, maxPercent: 30 },
      { scope: 'individual', level: 'Giấy khen', maxCount: null, maxPercent: 30 },
      { scope: 'individual', level: 'Bằng khen', maxCount: null, maxPercent: 15 },
      { scope: 'collective', level: 'Bằng khen', maxCount: null, maxPercent: 15 },
    ]);
  });

  it('keeps one scope for "cán bộ, công chức" and for a labelled item', () => {
    const r = read(
      'I. KHEN THƯỞNG',
      '1. Giấy khen: không quá 20% tổng số cán bộ, công chức.',
      '2. Cá nhân: không quá 10% số tập thể, cá nhân.',
    );
    expect(r.quotas.map((q) => [q.scope, q.maxPercent])).toEqual([
      ['individual', 20],
      ['individual', 10],
    ]);
  });
});

describe('yearly deadlines', () => {
  const yearly = [
    'II. TỔ CHỨC THỰC HIỆN',
    'Các đơn vị đăng ký thi đua trước ngày 15/02 hằng năm; báo cáo kết quả trước ngày 20 tháng 11 hàng năm.',
    'Sơ kết vào ngày 15/12 hằng năm.',
  ];

  it('gives the first occurrence within the period, not before the date of issue', () => {
    const reading = readPlanText(
      [...HEAD, 'I. THỜI GIAN', 'Từ năm 2022 đến năm 2023.', '', ...yearly, ...TAIL].join('\n'),
    );
    const r = reading.result;
    expect(r.deadlines).toEqual([
      { text: 'Các đơn vị đăng ký thi đua trước ngày 15/02 hằng năm', date: '2023-02-15' },
      { text: 'Báo cáo kết quả trước ngày 20 tháng 11 hàng năm', date: '2022-11-20' },
    ]);
    expect(r.registrationDeadline).toBeNull(); // a yearly date never sets it
    expect(reading.evidence.deadlines?.map((e) => e.field)).toEqual(['deadlines.0', 'deadlines.1']);
  });

  it('drops them when the period is unknown or holds no occurrence after issue', () => {
    expect(read(...yearly).deadlines).toEqual([]);
    const short = read('I. THỜI GIAN', 'Từ ngày 01/4/2022 đến ngày 30/9/2022.', '', ...yearly);
    expect(short.deadlines).toEqual([]);
  });
});

describe('OCR structure words and headings on their own line', () => {
  it('reads "Diéu 1." / "Dicu 2." headings, "Méi xa" entry quotas and "Nhan bai … dén hét ngay"', () => {
    const r = readPlanText(
      [
        'THE LE',
        'Cuoc thi viet nam 2024',
        '',
        'Diéu 1. Déi tuong du thi',
        'Can bo, cong chirc trén dia ban huyén.',
        '',
        'Dicu 2. Thoi gian',
        'Nhan bai du thi dén hét ngay 31/7/2024.',
        'Méi xa gui it nhat 03 bai du thi; mai xa nay khong gui.',
      ].join('\n'),
    ).result;
    expect(r.participants.individuals).toEqual(['Can bo, cong chirc tren dia ban huyen']);
    expect(r.deadlines).toEqual([
      { text: 'Nhan bai du thi den het ngay 31/7/2024', date: '2024-07-31' },
    ]);
    expect(r.entryQuotas).toEqual([{ unitType: 'xa', minEntries: 3 }]);
  });

  it('"nhân bản" is not receiving entries', () => {
    expect(read('I. THỜI GIAN', 'Nhân bản tài liệu đến hết ngày 30/6/2022.').deadlines).toEqual([]);
  });

  it('splits a heading from the line under it, but not an item wrapped mid-sentence', () => {
    const r = read(
      'I. ĐỐI TƯỢNG',
      'Cán bộ, công chức huyện.',
      'II. NỘI DUNG',
      '1. Thực hiện tốt công tác',
      'cải cách hành chính.',
      '2. Nâng cao chất lượng phục vụ của',
      'Bộ phận Một cửa.',
    );
    expect(r.participants.individuals).toEqual(['Cán bộ, công chức huyện']);
    expect(r.contents).toEqual([
      'Thực hiện tốt công tác cải cách hành chính',
      'Nâng cao chất lượng phục vụ của Bộ phận Một cửa',
    ]);
  });
});

describe('evidence of the wild texts', () => {
  const dir = path.join(import.meta.dirname, 'fixtures', 'wild');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`${file}: every excerpt is the source at its offsets and names a value`, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8').normalize('NFC');
      const { result, evidence } = readPlanText(source);
      for (const e of Object.values(evidence).flat()) {
        const raw = source.slice(e.start, e.end).replace(/\s+/gu, ' ');
        expect(raw.startsWith(e.excerpt.replace(/…$/u, '')), e.field).toBe(true);
        const value = e.field
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], result);
        expect(value ?? null, e.field).not.toBeNull();
      }
    });
  }
});
