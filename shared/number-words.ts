/**
 * Vietnamese numbers in words, as amounts are written on decisions and payment lists
 * ("Bằng chữ: Ba trăm nghìn đồng"). The common written usage: "linh" for a zero tens digit,
 * "mười" for ten, "mốt" / "tư" / "lăm" for 1 / 4 / 5 after a tens digit of two or more ("lăm" also
 * after "mười"), "không trăm" inside a number once a higher group has been read, and "nghìn",
 * "triệu", "tỷ" (a thousand billion reads "một nghìn tỷ").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const digit = (d: number): string => DIGITS[d] ?? '';

/** One group of three digits; `full` reads a zero hundreds digit ("không trăm linh năm"). */
function readTriple(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const withHundreds = full || h > 0;
  if (withHundreds) words.push(digit(h), 'trăm');
  if (t === 0 && u > 0 && withHundreds) words.push('linh');
  if (t === 1) words.push('mười');
  else if (t > 1) words.push(digit(t), 'mươi');
  if (u > 0) {
    if (u === 1 && t > 1) words.push('mốt');
    else if (u === 4 && t > 1) words.push('tư');
    else if (u === 5 && t > 0) words.push('lăm');
    else words.push(digit(u));
  }
  return words;
}

/** Below one billion; `full` when a higher group has already been read. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, ''],
  ];
  const words: string[] = [];
  let started = full;
  for (const [value, unit] of groups) {
    if (value === 0) continue;
    words.push(...readTriple(value, started));
    if (unit !== '') words.push(unit);
    started = true;
  }
  return words;
}

function readWords(n: number): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, false);
  const high = Math.floor(n / 1_000_000_000);
  const low = n % 1_000_000_000;
  return [...readWords(high), 'tỷ', ...(low > 0 ? readBelowBillion(low, true) : [])];
}

/**
 * A whole number from 0 up to Number.MAX_SAFE_INTEGER in Vietnamese words, lower case:
 * 2_340_000 → "hai triệu ba trăm bốn mươi nghìn". Throws a RangeError otherwise.
 */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`numberInWords: not a whole number ≥ 0: ${n}`);
  if (n === 0) return 'không';
  return readWords(n).join(' ');
}

/** An amount of money as written after "Bằng chữ:": 300_000 → "Ba trăm nghìn đồng". */
export function amountInWords(amountVnd: number): string {
  const words = numberInWords(amountVnd);
  return `${words.charAt(0).toLocaleUpperCase('vi')}${words.slice(1)} đồng`;
}
