import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './number-words';

describe('numberInWords', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1050, 'một nghìn không trăm năm mươi'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [300_000, 'ba trăm nghìn'],
    [702_000, 'bảy trăm linh hai nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_300, 'một triệu ba trăm'],
    [1_050_000, 'một triệu không trăm năm mươi nghìn'],
    [2_340_000, 'hai triệu ba trăm bốn mươi nghìn'],
    [2_530_000, 'hai triệu năm trăm ba mươi nghìn'],
    [21_000_000, 'hai mươi mốt triệu'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_001, 'một tỷ không trăm linh một'],
    [2_005_000_000, 'hai tỷ không trăm linh năm triệu'],
    [1_000_000_000_000, 'một nghìn tỷ'],
  ])('%i → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses what is not a whole number ≥ 0', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(Number.NaN)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [300_000, 'Ba trăm nghìn đồng'],
    [2_100_000, 'Hai triệu một trăm nghìn đồng'],
    [4_500_000, 'Bốn triệu năm trăm nghìn đồng'],
  ])('%i → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });
});
