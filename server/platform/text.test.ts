import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { foldVietnamese, givenName, searchWords } from './text';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const samples = [
  'Nguyễn Văn An',
  'Lương Điền',
  'ĐẶNG  THỊ   ÁNH',
  'Phường Tiền Thành',
  'Bộ phận tiếp nhận và trả kết quả',
  'Hồng Lĩnh',
  'Ủy ban MTTQ',
  'Thị xã Hồng Lĩnh',
  'Nguyễn Văn An'.normalize('NFD'),
];

describe('Vietnamese folding', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['Lương Điền', 'luong dien'],
    ['  ĐẶNG   THỊ ÁNH ', 'dang thi anh'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('agrees with the database f_norm used by stored search columns', async () => {
    for (const s of samples) {
      const r = await sql<{ v: string }>`SELECT f_norm(${s}) AS v`.execute(t.db);
      expect(foldVietnamese(s), s).toBe(r.rows[0]?.v);
    }
  });

  it('takes the given name as the last word', () => {
    expect(givenName(' Trần  Thị Thu Hà ')).toBe('Hà');
  });

  it('splits a search box into distinct accent-free words, at most eight', () => {
    expect(searchWords('  Nguyễn Văn  nguyen VĂN Hùng ')).toEqual(['nguyen', 'van', 'hung']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords('   ')).toEqual([]);
  });
});
