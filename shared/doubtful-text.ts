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

import type { PlanContentDraft } from './campaign';
import { personCategoryLabels } from './org';

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

/** Doubts that are not about a text but about what the reader derived from one. */
export const LOW_CONFIDENCE = 'low_confidence';

/** A doubtful value of a plan, where it is and why; `key` is what confirming it records. */
export type DoubtfulValue = {
  /** Path in the plan: "title", "content.criteria.individual.2". */
  field: string;
  /** What the officer reads: "Tiêu chí cá nhân — dòng 3". */
  label: string;
  value: string;
  code: DoubtCode | typeof LOW_CONFIDENCE;
  reason: string;
  key: string;
};

/** The plan fields the check reads: header texts and the content (shared/campaign.ts). */
export type PlanTexts = {
  title: string | null;
  place: string | null;
  /** Saved content, or a draft whose items have no ids yet (ids are not texts). */
  content: PlanContentDraft;
};

const row = (label: string, i: number) => `${label} — dòng ${i + 1}`;

/** Every text a plan prints, with its path and label. */
function* planTexts(p: PlanTexts): Generator<readonly [string, string, string | null]> {
  const c = p.content;
  yield ['title', 'Trích yếu', p.title];
  yield ['place', 'Địa danh', p.place];
  const list = function* (path: string, label: string, xs: readonly string[]) {
    for (const [i, x] of xs.entries()) yield [`${path}.${i}`, row(label, i), x] as const;
  };
  for (const [i, b] of c.legalBases.entries())
    yield [`content.legalBases.${i}.text`, row('Căn cứ', i), b.text];
  yield ['content.preamble', 'Lời mở đầu', c.preamble];
  yield ['content.theme', 'Chủ đề thi đua', c.theme];
  yield* list('content.purposes', 'Mục đích', c.purposes);
  yield* list('content.requirements', 'Yêu cầu', c.requirements);
  yield* list('content.goals', 'Mục tiêu', c.goals);
  yield* list('content.contents', 'Nội dung thi đua', c.contents);
  yield* list(
    'content.participants.collectives',
    'Đối tượng — tập thể',
    c.participants.collectives,
  );
  yield* list(
    'content.participants.individuals',
    'Đối tượng — cá nhân',
    c.participants.individuals,
  );
  yield* list(
    'content.participants.excluded',
    'Đối tượng — không áp dụng',
    c.participants.excluded,
  );
  yield* list('content.criteria.collective', 'Tiêu chí tập thể', c.criteria.collective);
  yield* list('content.criteria.individual', 'Tiêu chí cá nhân', c.criteria.individual);
  for (const [i, d] of c.deadlines.entries())
    yield [`content.deadlines.${i}.label`, row('Mốc thời hạn', i), d.label];
  for (const [i, r] of c.reviewRounds.entries())
    yield [`content.reviewRounds.${i}.label`, row('Sơ kết, tổng kết', i), r.label];
  for (const [i, r] of c.rewards.entries()) {
    yield [`content.rewards.${i}.form`, row('Hình thức khen thưởng', i), r.form];
    yield [`content.rewards.${i}.issuerTitle`, row('Khen thưởng — người tặng', i), r.issuerTitle];
    yield [`content.rewards.${i}.note`, row('Khen thưởng — ghi chú', i), r.note];
  }
  for (const [i, q] of c.quotas.entries())
    yield [`content.quotas.${i}.level`, row('Số lượng khen thưởng — cấp', i), q.level];
  for (const [i, d] of c.dossier.entries()) {
    yield [`content.dossier.${i}.level`, row('Hồ sơ — cấp trình', i), d.level];
    yield* list(`content.dossier.${i}.items`, `Hồ sơ ${i + 1} — thành phần`, d.items);
  }
  for (const [i, a] of c.assignments.entries()) {
    yield [`content.assignments.${i}.assignee`, row('Tổ chức thực hiện — đơn vị', i), a.assignee];
    yield [`content.assignments.${i}.task`, row('Tổ chức thực hiện — nhiệm vụ', i), a.task];
  }
  yield* list('content.recipients', 'Nơi nhận', c.recipients);
  yield ['content.signer.authority', 'Người ký — thẩm quyền', c.signer?.authority ?? null];
  yield ['content.signer.title', 'Người ký — chức vụ', c.signer?.title ?? null];
  yield ['content.signer.name', 'Người ký — họ tên', c.signer?.name ?? null];
  if (c.contest !== null) {
    yield* list('content.contest.topics', 'Chủ đề dự thi', c.contest.topics);
    for (const [i, pr] of c.contest.prizes.entries())
      yield [`content.contest.prizes.${i}.rank`, row('Giải thưởng', i), pr.rank];
    for (const [i, e] of c.contest.entryQuotas.entries())
      yield [
        `content.contest.entryQuotas.${i}.unitType`,
        row('Chỉ tiêu bài dự thi', i),
        e.unitType,
      ];
    yield ['content.contest.funding', 'Kinh phí cuộc thi', c.contest.funding];
  }
  yield ['content.closing', 'Đoạn kết', c.closing];
}

/**
 * The doubtful values of an imported plan the officer has not confirmed: each printed text the
 * classifier doubts, and the person categories when they were derived from a doubtful line of
 * "Đối tượng — cá nhân" (seed 003 read "cán bộ, công chức" as "người lao động" only). A value the
 * officer changes is judged again as it now reads.
 */
export function listDoubtfulValues(p: PlanTexts, confirmed: readonly string[]): DoubtfulValue[] {
  const ok = new Set(confirmed);
  const out: DoubtfulValue[] = [];
  for (const [field, label, value] of planTexts(p)) {
    if (value === null || ok.has(value)) continue;
    const doubt = classifyImportedText(value);
    if (doubt !== null)
      out.push({ field, label, value, code: doubt.code, reason: doubt.reason, key: value });
  }
  const individuals = p.content.participants.individuals;
  if (individuals.some((line) => classifyImportedText(line) !== null)) {
    const categories = p.content.participants.individualCategories;
    const key = `content.participants.individualCategories=${[...categories].sort().join(',')}`;
    if (!ok.has(key))
      out.push({
        field: 'content.participants.individualCategories',
        label: 'Đối tượng — loại cán bộ được đăng ký',
        value:
          categories.length === 0
            ? '(không xác định)'
            : categories.map((k) => personCategoryLabels[k]).join(', '),
        code: LOW_CONFIDENCE,
        reason: 'Suy ra từ dòng đối tượng đọc không chắc chắn: kiểm tra ai được đăng ký thi đua',
        key,
      });
  }
  return out;
}
