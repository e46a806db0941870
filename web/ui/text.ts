/** The text with its first letter in upper case (Vietnamese rules): "khen thưởng …" → "Khen thưởng …". */
export function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
