import { listPlanIdsByNumber } from './plan-list.queries';
import type { LegalBasis, PlanContentDraft } from '../../../shared/campaign';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { containsLoosely, foldVietnamese, nfc } from '../../platform/text';
import { planDocTypes, type PlanDocType } from '../../../shared/campaign';
import { extractPlanText } from './plan-reader/extract-text';
import { readPlanText } from './plan-reader/read-plan';
import { listDoubtfulValues } from '../../../shared/doubtful-text';

/**
 * Reading an existing plan into a draft: the text is extracted, the reader finds what it can (with
 * the excerpt each value came from), and the findings are mapped onto the plan model. Nothing is
 * saved here: the officer confirms or corrects the fields, then creates the draft.
 */

type Reading = ReturnType<typeof readPlanText>;
type Found = Reading['result'];

const kindWords: [RegExp, UnitKind[]][] = [
  [/\b(xa|cap xa)\b/, ['commune']],
  [/\bphuong\b/, ['ward']],
  [/\bthi tran\b/, ['township']],
  [/\b(phong|ban|nganh|co quan chuyen mon)\b/, ['department']],
  [/(mot cua|tiep nhan va tra ket qua)/, ['one_stop']],
  [/(doan the|mat tran|hoi lien hiep|doan thanh nien|dang uy)/, ['party_mass_org']],
  [/don vi su nghiep/, ['public_service_unit']],
];
/**
 * Person categories by their words, read loosely (text without accents, OCR: "Can bg, cong chirc",
 * "ngudi lao dong"); the last list holds real words close to the category's that mean otherwise.
 */
const categoryWords: [string[], PersonCategory, string[]][] = [
  [['cán bộ'], 'can_bo', ['cac', 'cap', 'ban']],
  [['công chức'], 'cong_chuc', ['chung', 'chuyen', 'chu']],
  [['viên chức'], 'vien_chuc', ['chung', 'chuyen', 'chu']],
  [['người lao động', 'nhân viên'], 'nguoi_lao_dong', []],
];

/** Unit kinds and person categories the plan's wording names (computable participants). */
export function inferParticipants(found: Found['participants']) {
  const kinds = new Set<UnitKind>();
  for (const line of found.collectives) {
    const f = foldVietnamese(line);
    for (const [re, ks] of kindWords) if (re.test(f)) ks.forEach((k) => kinds.add(k));
  }
  const categories = new Set<PersonCategory>();
  for (const line of found.individuals)
    for (const [phrases, c, unlike] of categoryWords)
      if (phrases.some((p) => containsLoosely(line, p, unlike))) categories.add(c);
  return { collectiveUnitKinds: [...kinds], individualCategories: [...categories] };
}

function docTypeOf(symbol: string | null): PlanDocType {
  const t = symbol?.split('-')[0];
  return planDocTypes.find((d) => d === t) ?? 'KH';
}

function issuerSymbolOf(symbol: string | null): string {
  const rest = symbol?.split('-').slice(1).join('-');
  return rest && /^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/.test(rest) ? rest : 'UBND';
}

/** Legal bases that cite a plan already in the system get a link to it. */
async function linkBases(ctx: Ctx, bases: Found['legalBases']): Promise<LegalBasis[]> {
  const out: LegalBasis[] = [];
  for (const b of bases) {
    let planId: number | null = null;
    if (b.number !== null) {
      const ids = await listPlanIdsByNumber(ctx.db, b.number, b.date);
      if (ids.length === 1) planId = ids[0] ?? null;
    }
    out.push({ text: b.text.slice(0, 1000), number: b.number, date: b.date, planId });
  }
  return out;
}

/** The draft fields the reading supports; everything else stays empty for the officer. */
export async function draftFromReading(ctx: Ctx, found: Found) {
  const cascade = found.deadlines.find((d) => /ke hoach/.test(foldVietnamese(d.text)));
  const isContest = found.kind === 'contest';
  // No ids yet: the items get theirs when the officer saves the draft.
  const content: PlanContentDraft = {
    legalBases: await linkBases(ctx, found.legalBases),
    preamble: null,
    theme: null,
    purposes: [],
    requirements: [],
    goals: [],
    contents: found.contents,
    participants: {
      ...inferParticipants(found.participants),
      collectiveUnitIds: [],
      collectives: found.participants.collectives,
      individuals: found.participants.individuals,
      excluded: found.participants.excluded,
    },
    criteria: found.criteria,
    deadlines: found.deadlines.map((d) => ({ label: d.text.slice(0, 500), date: d.date })),
    reviewRounds: [],
    rewards: found.rewards.map((r) => ({
      form: r.form,
      scope: null,
      issuerTitle: r.issuerTitle,
      amountVnd: r.amountVnd,
      coefficient: null,
      note: null,
    })),
    quotas: found.quotas.map((q) => ({
      scope: q.scope,
      level: q.level === null || q.level === '' ? 'Chung' : q.level,
      maxCount: q.maxCount,
      maxPercent: q.maxPercent,
    })),
    dossier:
      found.dossier.length === 0
        ? []
        : [{ level: 'Hồ sơ đề nghị khen thưởng', items: found.dossier }],
    assignments: [],
    recipients: found.recipients,
    signer:
      found.signer === null
        ? null
        : {
            authority: null,
            title: found.signer.title?.toLocaleUpperCase('vi') ?? null,
            name: found.signer.name,
          },
    contest:
      isContest || found.prizes.length > 0 || found.entryQuotas.length > 0
        ? {
            topics: [],
            prizes: found.prizes.map((p) => ({ ...p, amountVnd: null })),
            entryQuotas: found.entryQuotas,
            noveltyCutoff: null,
            funding: null,
          }
        : null,
    closing: null,
  };
  const parent = content.legalBases.find((b) => b.planId !== null);
  return {
    kind: found.kind,
    mode: null,
    docType: docTypeOf(found.documentSymbol),
    issuerSymbol: issuerSymbolOf(found.documentSymbol),
    place: found.place,
    title: found.title,
    periodStart: found.periodStart,
    periodEnd: found.periodEnd,
    registrationDeadline: found.registrationDeadline,
    cascadeDeadline: cascade?.date ?? null,
    parentPlanId: parent?.planId ?? null,
    content,
  };
}

const MAX_TEXT = 500_000;

/**
 * Reads an uploaded file (.txt, .docx, .pdf with a text layer) or pasted text. Returns the source
 * text, what was found with its excerpts, the draft fields it maps to and the doubtful values
 * among them (text without accents, OCR noise).
 */
export async function readPlanSource(
  ctx: Ctx,
  source: { file?: { bytes: Buffer; name: string }; text?: string },
) {
  let text: string;
  if (source.file !== undefined)
    text = await extractPlanText(source.file.bytes, source.file.name, ctx.log);
  else if (typeof source.text === 'string' && source.text.trim() !== '')
    text = nfc(source.text.replace(/\r\n?/g, '\n'));
  else
    throw new AppError(
      'VALIDATION_FAILED',
      'Nội dung kế hoạch: hãy tải tệp lên hoặc dán văn bản.',
      {
        fields: [{ field: 'text', label: 'Nội dung kế hoạch', message: 'không được để trống' }],
      },
    );
  if (text.length > MAX_TEXT)
    throw new AppError('VALIDATION_FAILED', 'Nội dung kế hoạch: quá dài (tối đa 500.000 ký tự).', {
      fields: [{ field: 'text', label: 'Nội dung kế hoạch', message: 'quá dài' }],
    });
  const reading = readPlanText(text);
  const draft = await draftFromReading(ctx, reading.result);
  return {
    text,
    found: reading.result,
    evidence: reading.evidence,
    draft,
    /** Values to review before the draft can be issued (decision 017). */
    doubts: listDoubtfulValues(draft, []),
  };
}
