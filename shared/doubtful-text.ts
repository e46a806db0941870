/**
 * Doubtful imported text: a value read from a document (an upload, a scan run through OCR) that
 * an officer must look at before it goes into an official document. Two kinds of doubt:
 *
 * - `unaccented` — Vietnamese written without its diacritics ("can bo, cong chuc", "phuong"),
 *   typical of text retyped without a Vietnamese keyboard or OCR that dropped the marks;
 * - `ocr_noise` — characters a Vietnamese word cannot hold: digits or symbols inside words ("c6",
 *   "t6t", "$6", "k¥"), syllables Vietnamese spelling does not allow ("chirc", "cdi", "Tién"),
 *   marks from other languages ("ë", "ç").
 *
 * Pure and shared: the server marks values on import and refuses to issue while marks remain; the
 * web highlights the same values as the officer edits. Tuned on the seed plans, measured on texts
 * held out (see doubtful-text.test.ts): accented text is not flagged.
 */

export const DoubtCode = { unaccented: 'unaccented', ocrNoise: 'ocr_noise' } as const;
export type DoubtCode = (typeof DoubtCode)[keyof typeof DoubtCode];

export type Doubt = {
  code: DoubtCode;
  /** Vietnamese, for the officer: what looks wrong, with up to three example words. */
  reason: string;
  /** The words that raised the doubt (at most three). */
  words: string[];
};

// Combining marks after NFD: the five tones, the three vowel "hats", and everything else.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const HATS = /[\u0302\u0306\u031b]/gu;
const ODD_SYMBOL = /[¢¥$€£©®¬¦|~^`{}_\\§¤µ¶]/u;

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?';
// Vowel clusters that may take a final consonant, and those that end in a semivowel (no final).
const CLOSABLE = 'a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe oo uâ uê uy uyê ưa'.split(' ');
const OPEN =
  'ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưi ưu iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu uơ'.split(
    ' ',
  );
// Clusters with a hat that must be closed ("tiên", not "tiê"); "k" closes names ("Đắk Lắk").
const MUST_CLOSE = new Set(['iê', 'yê', 'uô', 'ươ', 'uyê']);
const FINAL = '(?:ch|ng|nh|[cmnptk])';

const byLength = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
const unhat = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0302\u0306\u031b]/gu, '')
    .normalize('NFC')
    .replace(/đ/gu, 'd');

function syllablePattern(closable: string[], open: string[], mustClose: Set<string>) {
  const closed = byLength(closable.filter((c) => !mustClose.has(c)));
  const needFinal = byLength([...mustClose]);
  const rimes = [`(?:${byLength(open).join('|')})`, `(?:${closed.join('|')})${FINAL}?`];
  if (needFinal.length > 0) rimes.push(`(?:${needFinal.join('|')})${FINAL}`);
  return new RegExp(`^${ONSET}(?:${rimes.join('|')})$`, 'u');
}

/** A syllable as spelled with its hats (tones removed). */
const STRICT = syllablePattern(CLOSABLE, OPEN, MUST_CLOSE);
/** A syllable once its hats are restored: "phuong" could be "phương", "chirc" could be nothing. */
const LOOSE = syllablePattern(CLOSABLE.map(unhat), OPEN.map(unhat), new Set());

/** Words from other languages plans use, and Latin-script names, kept out of the spelling check. */
const LOANWORDS = new Set(
  (
    'index par sipas internet online website web email zalo facebook fanpage video clip ' +
    'smartphone app apps covid qr code wifi hotline camera tivi radio pano logo kiosk portal ' +
    'ioffice egov vneid vnpt viettel mobile digital smart e-office ok top pdf docx word excel'
  ).split(' '),
);

/**
 * Words an administrative text nearly always writes with a mark (của, các, và, xã, phố, chủ tịch,
 * ngày, tháng, năm, nơi…): two or more words with none marked and one of these reads as unaccented.
 */
const USUALLY_MARKED = new Set(
  (
    'cua cac va xa pho chu tich ngay thang nam noi nhu tai ve den tu ky so nhan dan hoi dong uy ' +
    'ke hoach muc dich dua cong chuc bo can don vi'
  ).split(' '),
);

type Token = { text: string; kind: 'good' | 'plain' | 'needs_accent' | 'garbage' };

function classifyWord(raw: string): Token['kind'] | null {
  const word = raw.normalize('NFC');
  const lower = word.toLocaleLowerCase('vi');
  if (/^\d+$/u.test(word)) return null;
  if (LOANWORDS.has(lower)) return null;
  if (ODD_SYMBOL.test(word)) return 'garbage';
  if (/\d/u.test(word)) {
    // Codes ("F0", "4G", "A4", "3a" of a clause) are fine; digits inside lower-case words and
    // broken Roman numerals ("I1.", "II1.") are OCR misreadings.
    if (/^[IVX]+[1l]+$/u.test(word)) return 'garbage';
    if (/^\d+[a-eđ]$/u.test(word) || !/[a-zđ]/u.test(word.replace(/^\d+/u, ''))) return null;
    return 'garbage';
  }
  const nfd = lower.normalize('NFD');
  // Marks from other languages, or a hat on a letter that cannot carry it.
  if (/[\u0304\u0305\u0307\u0308\u030a-\u031a\u031c-\u0322\u0324-\u036f]/u.test(nfd))
    return 'garbage';
  if (/[^aeo]\u0302|[^a]\u0306|[^ou]\u031b/u.test(nfd.replace(TONES, ''))) return 'garbage';
  if (/[^a-zđ\u0300-\u036f]/u.test(nfd)) return 'garbage';
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return 'garbage';
  if (tones === 1 && /[^aeiouy][\u0300\u0301\u0303\u0309\u0323]/u.test(nfd.replace(HATS, '')))
    return 'garbage';
  const bare = nfd.replace(TONES, '').normalize('NFC');
  const marked = tones > 0 || /[\u0302\u0306\u031b]/u.test(nfd) || bare.includes('đ');
  const upper = (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  if (STRICT.test(bare)) return marked ? 'good' : 'plain';
  if (!marked && LOOSE.test(bare)) return 'needs_accent';
  // Capitals that are not a syllable are abbreviations: "UBND", "HĐND", "CCHC", "VT", "TTg".
  if (upper) return null;
  return 'garbage';
}

/** The words of a value: letters, digits and the symbols OCR puts inside words. */
function wordsOf(value: string): string[] {
  return value
    .normalize('NFC')
    .split(/[\s.,;:!?()[\]"'“”‘’«»<>/\-–—…*+=%&#@•·]+/u)
    .filter((w) => w !== '' && !(w.length === 1 && /[a-zđ]/iu.test(w)));
}

const sample = (ws: string[]) => [...new Set(ws)].slice(0, 3);
const quoteList = (ws: string[]) => ws.map((w) => `“${w}”`).join(', ');

/**
 * Whether an imported value is doubtful, and why; null for good Vietnamese, numbers, codes and
 * short values that could be either (a name such as "Thanh Hoan"). Noise wins over missing accents.
 */
export function classifyImportedText(value: string): Doubt | null {
  const tokens: Token[] = [];
  for (const w of wordsOf(value)) {
    const kind = classifyWord(w);
    if (kind !== null) tokens.push({ text: w, kind });
  }
  if (tokens.length === 0) return null;
  const count = (k: Token['kind']) => tokens.filter((t) => t.kind === k);
  const garbage = count('garbage');
  const good = count('good').length;
  const syllables = tokens.length;
  // One odd word in a long accented sentence is more likely a name or a foreign word than noise.
  if (garbage.length >= 2 || (garbage.length === 1 && good / syllables < 0.5)) {
    const words = sample(garbage.map((t) => t.text));
    return {
      code: 'ocr_noise',
      reason: `Có chữ đọc sai (nhận dạng ký tự/OCR): ${quoteList(words)}`,
      words,
    };
  }
  const needs = count('needs_accent');
  const share = good / syllables;
  const plain = count('plain');
  if (
    (needs.length >= 1 && share < 0.3) ||
    (syllables >= 4 && share <= 0.25) ||
    (syllables >= 2 && good === 0 && plain.some((t) => USUALLY_MARKED.has(t.text.toLowerCase())))
  ) {
    const words = sample((needs.length > 0 ? needs : plain).map((t) => t.text));
    return {
      code: 'unaccented',
      reason: `Tiếng Việt không dấu: ${quoteList(words)}`,
      words,
    };
  }
  return null;
}
