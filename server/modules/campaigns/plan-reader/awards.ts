import { clean, out, splitClauses, tokensIn, type Block, type Doc, type Span } from './document';
import type { EvidenceLog } from './evidence';
import { findAny, matchAnyAt, type Token } from './fold';
import { scopeOf } from './lists';
import { count, findAmounts } from './numbers';
import type { PlanImportJson, Scope } from './schema';
import { labelOf } from './sections';
import {
  COLLECTIVE_WORDS,
  INDIVIDUAL_WORDS,
  formAt,
  issuerTitleAt,
  levelAt,
  rankAt,
} from './vocabulary';

/**
 * Rewards (form, who gives it, money), quotas ("không quá 20%", "không vượt quá 01 tập thể và 02
 * cá nhân" per level), contest prizes ("01 giải Nhất, 02 giải Nhì") and entry quotas ("mỗi xã gửi
 * ít nhất 02 bài dự thi").
 */

function bodyBlocks(doc: Doc): Block[] {
  return doc.firstHeading < doc.blocks.length ? doc.blocks.slice(doc.firstHeading) : doc.blocks;
}

function clauses(doc: Doc): Span[] {
  return bodyBlocks(doc).flatMap((b) => splitClauses(doc, { start: b.contentStart, end: b.end }));
}

type Reward = PlanImportJson['rewards'][number];

const PROPOSE = ['de xuat', 'de nghi', 'trinh'];
const GIVEN_BY = ['duoc', ...PROPOSE];
/** Verbs of giving between a giver and the form: "Chủ tịch UBND huyện tặng Giấy khen". */
const GIVES = ['xet tang', 'trao tang', 'tang thuong', 'xet khen thuong', 'khen thuong', 'tang'];
const BY_FORM = ['bang hinh thuc', 'hinh thuc', 'bang'];

/** "<giver> (xét) tặng / khen thưởng (bằng) <form at i>": the giver named just before the form. */
function giverBefore(
  doc: Doc,
  tokens: readonly Token[],
  i: number,
  outName: (s: string) => string,
) {
  for (let j = 0; j < i; j++) {
    const t = issuerTitleAt(doc, tokens, j, outName);
    const verb = t ? matchAnyAt(tokens, t.next, GIVES, 0) : null;
    if (!t || !verb) continue;
    const by = matchAnyAt(tokens, verb.next, BY_FORM, 0);
    if ((by?.next ?? verb.next) === i) return t.label;
  }
  return null;
}

export function readRewards(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  const outName = (s: string) => out(doc, s);
  const found: { reward: Reward; span: Span }[] = [];
  for (const clause of clauses(doc)) {
    const tokens = tokensIn(doc, clause);
    for (let i = 0; i < tokens.length; i++) {
      const form = formAt(doc, tokens, i);
      if (!form) continue;
      let end = tokens.length;
      for (let j = form.next; j < tokens.length; j++)
        if (formAt(doc, tokens, j)) end = Math.min(end, j);
      // the recipients follow "cho": "tặng Giấy khen cho UBND xã X" does not name the giver
      const to = tokens.findIndex((t, j) => j >= form.next && j < end && t.text === 'cho');
      const giver = giverBefore(doc, tokens, i, outName);
      const titles: string[] = giver ? [giver] : [];
      for (let j = form.next; !giver && j < (to < 0 ? end : to); j++) {
        const t = issuerTitleAt(doc, tokens, j, outName);
        if (t) {
          titles.push(t.label);
          j = t.next - 1;
        }
      }
      if (titles.length === 0) {
        // "được UBND xã khen thưởng bằng quà", "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen": the
        // giver is named before the form.
        for (let j = 0; j < i; j++) {
          const verb = matchAnyAt(tokens, j, GIVEN_BY, 0);
          const t = verb ? issuerTitleAt(doc, tokens, verb.next, outName) : null;
          if (t) titles.push(t.label);
        }
      }
      const amount = findAmounts(doc, clause)[0]?.vnd ?? null;
      for (const issuerTitle of titles.length ? titles : [null]) {
        found.push({ reward: { form: form.label, issuerTitle, amountVnd: amount }, span: clause });
      }
      i = end - 1;
    }
  }
  const kept: typeof found = [];
  for (const f of found) {
    const same = kept.find(
      (k) =>
        k.reward.form === f.reward.form &&
        (k.reward.issuerTitle === f.reward.issuerTitle || f.reward.issuerTitle === null),
    );
    if (same) {
      same.reward.amountVnd ??= f.reward.amountVnd;
      continue;
    }
    kept.push(f);
  }
  const proposer = proposedGiver(doc, outName);
  for (const k of kept) {
    if (
      k.reward.issuerTitle === null &&
      proposer &&
      kept.every((o) => o.reward.issuerTitle === null)
    ) {
      k.reward.issuerTitle = proposer.label;
    }
    ev.add(`rewards.${plan.rewards.length}`, k.span);
    plan.rewards.push(k.reward);
  }
}

/** "… đề xuất Chủ tịch UBND huyện khen thưởng …": the one giver the plan proposes awards to. */
function proposedGiver(doc: Doc, outName: (s: string) => string): { label: string } | null {
  const labels = new Set<string>();
  for (const block of bodyBlocks(doc)) {
    const tokens = tokensIn(doc, block);
    for (let i = 0; i < tokens.length; i++) {
      const verb = matchAnyAt(tokens, i, PROPOSE, 0);
      const t = verb ? issuerTitleAt(doc, tokens, verb.next, outName) : null;
      if (t && matchAnyAt(tokens, t.next, ['khen thuong'])) labels.add(t.label);
    }
  }
  const [only] = labels;
  return labels.size === 1 && only ? { label: only } : null;
}

function scopeNounAt(tokens: readonly Token[], i: number): Scope | null {
  return scopeHitAt(tokens, i)?.scope ?? null;
}

function scopeHitAt(tokens: readonly Token[], i: number): { scope: Scope; next: number } | null {
  const c = matchAnyAt(tokens, i, COLLECTIVE_WORDS);
  if (c) return { scope: 'collective', next: c.next };
  const p = matchAnyAt(tokens, i, INDIVIDUAL_WORDS);
  return p ? { scope: 'individual', next: p.next } : null;
}

/**
 * The scopes a percentage covers: the first scope noun after it, and the other one too when it
 * follows at once after "," / "và" / "hoặc" ("30% số tập thể, cá nhân" covers both).
 */
function percentScopes(doc: Doc, tokens: readonly Token[], from: number): Scope[] {
  for (let j = from; j < Math.min(tokens.length, from + 8); j++) {
    const first = scopeHitAt(tokens, j);
    if (!first) continue;
    const and = matchAnyAt(tokens, first.next, ['va', 'hoac'], 0);
    const k = and ? and.next : first.next;
    const second = scopeHitAt(tokens, k);
    const gap = doc.folded.slice(tokens[first.next - 1]?.end ?? 0, tokens[k]?.start ?? 0);
    if (second && second.scope !== first.scope && /^\s*(?:,|,?\s*(?:va|hoac))\s*$/u.test(gap))
      return [first.scope, second.scope];
    return [first.scope];
  }
  return [];
}

function formIn(doc: Doc, span: Span): string | null {
  const tokens = tokensIn(doc, span);
  for (let i = 0; i < tokens.length; i++) {
    const form = formAt(doc, tokens, i);
    if (form) return form.label;
  }
  return null;
}

/**
 * The level of a quota: from its label ("Cấp thành phố", "Giấy khen tập thể"), else the reward
 * form named in its paragraph or in the two paragraphs above it ("1. Hình thức: Giấy khen …" then
 * "2. Số lượng: không quá …").
 */
function quotaLevel(doc: Doc, label: Span | null, block: Block): string | null {
  if (label) {
    const tokens = tokensIn(doc, label);
    const cap = findAny(tokens, ['cap']);
    const level = cap ? levelAt(tokens, cap.next) : null;
    if (level) return `Cấp ${level.label}`;
    const form = formIn(doc, label);
    if (form) return form;
  }
  const idx = doc.blocks.indexOf(block);
  for (let k = idx; k >= 0 && k >= idx - 2; k--) {
    const b = doc.blocks[k];
    if (!b) break;
    const form = formIn(doc, b);
    if (form) return form;
    if (b.marker && b.marker.kind !== 'bullet' && b.marker.level <= 1) break;
  }
  return null;
}

const AT_MOST = ['khong vuot qua', 'khong qua', 'toi da'];

export function readQuotas(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  for (const block of bodyBlocks(doc)) {
    const { label } = labelOf(doc, block);
    for (const clause of splitClauses(doc, { start: block.contentStart, end: block.end })) {
      const tokens = tokensIn(doc, clause);
      const limit = findAny(tokens, AT_MOST);
      if (!limit) continue;
      const ownLabel = label && label.end <= limit.start ? label : null;
      const level = quotaLevel(doc, ownLabel, block);
      const labelScope = scopeOf(doc, ownLabel);
      const add = (scope: Scope, maxCount: number | null, maxPercent: number | null) => {
        ev.add(`quotas.${plan.quotas.length}`, clause);
        plan.quotas.push({ scope, level, maxCount, maxPercent });
      };
      const percent = /^[\s*]*(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(
        doc.folded.slice(limit.end, clause.end),
      );
      if (percent?.[1]) {
        const value = Number(percent[1].replace(',', '.'));
        const scopes = labelScope ? [labelScope] : percentScopes(doc, tokens, limit.next);
        if (value <= 100) for (const scope of scopes) add(scope, null, value);
        continue;
      }
      for (let j = limit.next; j < tokens.length; j++) {
        const n = count(tokens[j]?.text ?? '');
        const scope = n === null ? null : (scopeNounAt(tokens, j + 1) ?? labelScope);
        if (n !== null && scope) add(scope, n, null);
      }
    }
  }
}

export function readPrizes(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  for (const block of bodyBlocks(doc)) {
    const { label } = labelOf(doc, block);
    const recipient = scopeOf(doc, label);
    const tokens = tokensIn(doc, block);
    for (let i = 0; i < tokens.length; i++) {
      const n = count(tokens[i]?.text ?? '');
      const giai = matchAnyAt(tokens, n === null ? i : i + 1, ['giai'], 0);
      const rank = giai ? rankAt(tokens, giai.next) : null;
      if (!giai || !rank) continue;
      let prizeCount = n;
      if (prizeCount === null) {
        // "Giải Nhất: 01 giải"
        const m = /^\s*:\s*(\d{1,3})\s+giai(?![a-z])/u.exec(doc.folded.slice(rank.end, block.end));
        if (!m?.[1]) continue;
        prizeCount = Number(m[1]);
      }
      const start = tokens[i]?.start ?? rank.start;
      ev.add(`prizes.${plan.prizes.length}`, { start, end: rank.end });
      plan.prizes.push({ rank: rank.label, count: prizeCount, recipient });
      i = rank.next - 1;
    }
  }
}

// "Mỗi xã … gửi ít nhất 05 bài" (OCR "Méi xa", "M6i xa": any letter or digit between m and i)
const ENTRY =
  /(?<![a-z])m[a-z0-9]i\s+([a-z][a-z ,]{0,40}?)\s+(?:phai\s+)?(?:gui|nop|co|tham gia|dang ky|chon|cu|du thi)?\s*(?:it nhat|toi thieu)\s+(\d{1,3})\s+(?:bai|tac pham|sang kien|giai phap|doi|thi sinh|video|san pham|nguoi)(?![a-z])/dgu;

export function readEntryQuotas(doc: Doc, plan: PlanImportJson, ev: EvidenceLog): void {
  for (const block of bodyBlocks(doc)) {
    const part = doc.folded.slice(block.start, block.end);
    for (const m of part.matchAll(ENTRY)) {
      const unit = m.indices?.[1];
      if (!unit || !m[2]) continue;
      const unitType = clean(doc.text.slice(block.start + unit[0], block.start + unit[1])).replace(
        /,$/u,
        '',
      );
      const start = block.start + m.index;
      ev.add(`entryQuotas.${plan.entryQuotas.length}`, { start, end: start + m[0].length });
      plan.entryQuotas.push({ unitType: out(doc, unitType), minEntries: Number(m[2]) });
    }
  }
}
