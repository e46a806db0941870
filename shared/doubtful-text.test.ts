import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyImportedText } from './doubtful-text';

/**
 * The classifier on real text: snippets from the seed plans and plans found in the wild (the plan
 * reader's fixtures). Tuned on the seeds and the wild texts not named "holdout-"; the holdout texts
 * were kept aside and only measured.
 */

const FIXTURES = join(import.meta.dirname, '../server/modules/campaigns/plan-reader/fixtures');
const linesOf = (file: string) =>
  readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const flagged = (file: string) => linesOf(file).filter((l) => classifyImportedText(l) !== null);

describe('classifyImportedText — snippets', () => {
  it.each([
    // Seed 003 (OCR of a scan, accents lost or misread).
    ['La can bg, cong chirc, nhan vién phuong.', 'ocr_noise'],
    ['PHUONG TIEN THANH Doc 1ap - Tu do - Hanh phuc', 'ocr_noise'],
    ['Phat dong phong trao thi dua cdi cach hanh chinh nam 2023', 'ocr_noise'],
    ['- Cap thanh phé: Khong vuot qua 01 tap thé va 02 c4 nhén,', 'ocr_noise'],
    ['b. $6 lwong:', 'ocr_noise'],
    ['Nghi dinh s6 91/2017/ND-CP ctia Chinh ph.', 'ocr_noise'],
    ['II1. HINH THUC VA HO SO KHEN THUONG:', 'ocr_noise'],
    ['Gidy khen ctia Cha tich UBND thanh phé', 'ocr_noise'],
    // Typed without accents.
    ['Can bo, cong chuc xa', 'unaccented'],
    ['can bo, cong chuc', 'unaccented'],
    ['Hoan thanh xuat sac nhiem vu duoc giao nam 2023', 'unaccented'],
    ['PHUONG 7', 'unaccented'],
    ['CHU TICH', 'unaccented'],
    ['Noi nhan:', 'unaccented'],
    ['- UBND thanh pho;', 'unaccented'],
    ['Luu: VT.', 'unaccented'],
    // Good Vietnamese, codes, numbers, names that could be either.
    ['Cán bộ, công chức thuộc Đảng uỷ- HĐND- UBND- UB MTTQ', null],
    ['Căn cứ Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ', null],
    ['- Lưu: VT, ncnguyen.', null],
    ['Giấy khen của Chủ tịch UBND huyện', null],
    ['Bộ chỉ số PAR Index của tỉnh', null],
    ['Tặng quà trị giá 300.000đ/người', null],
    ['Khoản 3a Điều 5 Nghị định 152/2025/NĐ-CP', null],
    ['Đắk Lắk', null],
    ['47/KH-UBND', null],
    ['2023', null],
    ['Thanh Hoan', null],
    ['UBND', null],
    ['', null],
  ])('%j → %s', (text, code) => {
    expect(classifyImportedText(text)?.code ?? null).toBe(code);
  });

  it('names the words that raised the doubt', () => {
    expect(classifyImportedText('La can bg, cong chirc, nhan vién phuong.')).toEqual({
      code: 'ocr_noise',
      reason: 'Có chữ đọc sai (nhận dạng ký tự/OCR): “bg”, “chirc”, “vién”',
      words: ['bg', 'chirc', 'vién'],
    });
    expect(classifyImportedText('Can bo, cong chuc xa')?.reason).toBe(
      'Tiếng Việt không dấu: “Can”, “bo”, “cong”',
    );
  });
});

const accentedTuning = [
  'seeds/000_df6f930f6fa17a23.txt',
  'seeds/001_584ab46066cf9e5a.txt',
  'seeds/002_8bb06e3bc8a53859.txt',
  'seeds/004_75962791051c0d47.txt',
  'wild/hoi-thi-ky-anh.txt',
  'wild/ke-hoach-ky-hieu-cach.txt',
  'wild/ke-hoach-so-noi-vu.txt',
  'wild/news-tan-phu.txt',
  'wild/quyet-dinh-khen-thuong.txt',
  'wild/the-le-thach-ha.txt',
];
const accentedHeldOut = [
  'wild/holdout-duc-pho-docx.txt',
  'wild/holdout-giai-doan-huong-tra.txt',
  'wild/holdout-phuong-an-hoa.txt',
];

describe('classifyImportedText — whole texts', () => {
  it.each([...accentedTuning, ...accentedHeldOut])(
    'flags no line of the accented text %s',
    (file) => {
      expect(linesOf(file).length).toBeGreaterThan(5);
      expect(flagged(file)).toEqual([]);
    },
  );

  it.each([
    // [file, lines flagged at least] — what is left is short and could be read either way
    // ("Lé Thanh Hoan", "So: 27/KH-UBND").
    ['seeds/003_2f885082b70e80f8.txt', 0.95],
    ['wild/ke-hoach-khong-dau.txt', 0.9],
    ['wild/ke-hoach-ocr.txt', 0.9],
    // Held out.
    ['wild/holdout-hoi-thi-thoai-son-ocr.txt', 0.85],
    ['wild/holdout-the-le-ocr.txt', 0.85],
    ['wild/holdout-khong-dau-tan-phuoc.txt', 0.85],
  ])('flags most lines of the OCR / unaccented text %s (≥ %s)', (file, share) => {
    expect(flagged(file).length / linesOf(file).length).toBeGreaterThanOrEqual(share);
  });
});
