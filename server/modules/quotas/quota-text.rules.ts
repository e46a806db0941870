import { foldVietnamese } from '../../platform/text';
import type { QuotaBase, QuotaRounding, QuotaScope, QuotaSubject } from '../../../shared/quotas';

/**
 * Reads a plan's quota clause ("Giấy khen tập thể: không quá 20%", "Cấp thành phố: Không vượt
 * quá 01 tập thể và 02 cá nhân", "tối đa 15% số LĐTT") into quota rules. Works on folded text
 * (no accents, lower case) so OCR text without diacritics reads too; tolerant of the OCR noise of
 * seed 003 ("c4 nhén"). Pure; the hit rate on held-out phrasings is in quota-text.rules.test.ts.
 */

export type ParsedQuota = {
  subject: QuotaSubject;
  maxCount: number | null;
  maxPercent: number | null;
  base: QuotaBase;
  rounding: QuotaRounding;
  scope: QuotaScope;
  text: string;
};

const LIMIT = /(?<![a-z])(khong (?:duoc )?vuot qua|khong qua|toi da(?: la)?|khong vuot)(?![a-z])/u;

const COLLECTIVE = /(?<![a-z])(tap th[a-z]?|don vi|co quan|bo phan|to chuc)(?![a-z])/u;
const INDIVIDUAL =
  /(?<![a-z])(c[a4] nh[ae]n|can bo|cong chuc|vien chuc|nguoi|quan so|chien si thi dua|lao dong tien tien|ldtt|cstd(?:cs)?)(?![a-z])/u;

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};

const LEVELS: [RegExp, string][] = [
  [/cap (?:thanh ph[a-z]|tp)(?![a-z])/u, 'Cấp thành phố'],
  [/cap tinh(?![a-z])/u, 'Cấp tỉnh'],
  [/cap huyen(?![a-z])/u, 'Cấp huyện'],
  [/cap quan(?![a-z])/u, 'Cấp quận'],
  [/cap thi xa(?![a-z])/u, 'Cấp thị xã'],
  [/cap phuong(?![a-z])/u, 'Cấp phường'],
  [/cap xa(?![a-z])/u, 'Cấp xã'],
  [/cap co so(?![a-z])/u, 'Cấp cơ sở'],
];

/** The subject a phrase names: a collective title is checked before its individual cousin. */
function subjectIn(folded: string): QuotaSubject | null {
  const c = COLLECTIVE.exec(folded);
  const i = INDIVIDUAL.exec(folded);
  if (c && (!i || c.index <= i.index)) return 'collective';
  if (i) return 'individual';
  return null;
}

/**
 * What a percent is taken of, from the words after it: "số đạt/đủ điều kiện/được công nhận/LĐTT"
 * → eligible; "đăng ký" → registered; "tổng số cán bộ", "tổng quân số", "tham gia" →
 * participating; nothing said → eligible (the plan's own candidates).
 */
function baseIn(after: string): QuotaBase {
  const words = after.slice(0, 120);
  if (/(?<![a-z])dang ky(?![a-z])/u.test(words)) return 'registered';
  if (
    /(?<![a-z])(dat|du dieu kien|duoc cong nhan|duoc xet|ldtt|lao dong tien tien|xuat sac|hoan thanh)(?![a-z])/u.test(
      words,
    )
  )
    return 'eligible';
  if (/(?<![a-z])(tong (?:quan )?so|tham gia|bien che)(?![a-z])/u.test(words))
    return 'participating';
  return 'eligible';
}

function levelIn(folded: string): QuotaScope {
  for (const [re, label] of LEVELS) if (re.test(folded)) return { kind: 'level', level: label };
  return { kind: 'plan' };
}

const COUNT =
  /(?<![a-z0-9])(\d{1,5}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(tap th[a-z]?|c[a4] nh[ae]n|don vi|nguoi)(?![a-z])/gu;

/** The quotas one clause states; [] when it states none. */
export function parseQuotaText(text: string): ParsedQuota[] {
  const folded = foldVietnamese(text);
  const limit = LIMIT.exec(folded);
  if (!limit) return [];
  const before = folded.slice(0, limit.index);
  const after = folded.slice(limit.index + limit[0].length);
  const scope = levelIn(before);
  const rounding: QuotaRounding = /lam tron/u.test(after) ? 'round' : 'floor';
  const clause = text.trim();

  const percent = /^\s*(?:la\s+)?(\d{1,3}(?:[.,]\d+)?)\s*(?:%|phan tram)/u.exec(after);
  if (percent?.[1]) {
    const value = Number(percent[1].replace(',', '.'));
    if (!(value >= 0 && value <= 100)) return [];
    const rest = after.slice(percent[0].length);
    const subject = subjectIn(before) ?? subjectIn(rest.slice(0, 120));
    const base = baseIn(rest);
    const subjects: QuotaSubject[] = subject ? [subject] : ['collective', 'individual'];
    return subjects.map((s) => ({
      subject: s,
      maxCount: null,
      maxPercent: value,
      base,
      rounding,
      scope,
      text: clause,
    }));
  }

  const out: ParsedQuota[] = [];
  const labelSubject = subjectIn(before);
  for (const m of after.matchAll(COUNT)) {
    const raw = m[1] ?? '';
    const n = /^\d+$/u.test(raw) ? Number(raw) : (NUMBER_WORDS[raw] ?? null);
    const subject = subjectIn(m[2] ?? '') ?? labelSubject;
    if (n === null || subject === null) continue;
    out.push({
      subject,
      maxCount: n,
      maxPercent: null,
      base: 'eligible',
      rounding,
      scope,
      text: clause,
    });
  }
  if (out.length > 0) return out;
  // "Giấy khen tập thể: tối đa 03" — a bare number after the limit, the subject from the label.
  const bare = /^\s*(\d{1,5})(?![\d%])/u.exec(after);
  if (bare?.[1] && labelSubject)
    return [
      {
        subject: labelSubject,
        maxCount: Number(bare[1]),
        maxPercent: null,
        base: 'eligible',
        rounding,
        scope,
        text: clause,
      },
    ];
  return [];
}
