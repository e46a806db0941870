import { describe, expect, it } from 'vitest';
import { inferParticipants } from './plan-import.service';

const categoriesOf = (individuals: string[]) =>
  inferParticipants({ collectives: [], individuals, excluded: [] }).individualCategories;

describe('person categories from the plan’s wording, also without accents or scanned', () => {
  it.each([
    // Seed 003 as read: only "người lao động" came out, so 1 of 22 staff could register.
    ['Can bg, cong chirc, nhan vien phuong', ['can_bo', 'cong_chuc', 'nguoi_lao_dong']],
    ['La can bg, cong chirc, nhan vién phuong.', ['can_bo', 'cong_chuc', 'nguoi_lao_dong']],
    ['can bo, cong chuc', ['can_bo', 'cong_chuc']],
    ['CAN BO, CONG CHUC XA', ['can_bo', 'cong_chuc']],
    [
      'Can be, cong chirc, vien chirc va ngudi lao dong',
      ['can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong'],
    ],
    ['Can bd, cong chitc, vien chirc dang cong tac', ['can_bo', 'cong_chuc', 'vien_chuc']],
    [
      'Cán bộ, công chức, viên chức, người lao động',
      ['can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong'],
    ],
    ['Cán bộ, công chức, người hoạt động không chuyên trách phường', ['can_bo', 'cong_chuc']],
    // Close words that mean something else.
    ['Các bộ, ngành phục vụ công chúng', []],
    ['Cá nhân thuộc UBND cấp xã', []],
    ['Lãnh đạo cấp bộ, nhân dân', []],
  ])('%s → %j', (line, categories) => {
    expect(categoriesOf([line])).toEqual(categories);
  });
});
