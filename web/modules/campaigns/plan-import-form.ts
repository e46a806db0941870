import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type {
  CampaignMode,
  PlanContentDraft,
  PlanDocType,
  PlanKind,
  RewardScope,
} from '../../../shared/campaign';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import type { CreatePlanBody, Evidence, PlanReading } from './plan-import.api';

/**
 * The import form's values and their conversion from a reading and to a CreatePlan body. Every
 * list row remembers `src`, its position in the reader's list, so its excerpt stays attached to it
 * when the officer removes or adds rows.
 */

export type TextRow = { value: string; src?: number };

export type ImportFormValues = {
  issuingUnitId?: string;
  kind: PlanKind;
  mode: CampaignMode | null;
  docType?: PlanDocType;
  issuerSymbol?: string;
  place?: string;
  title?: string;
  periodStart: Dayjs | null;
  periodEnd: Dayjs | null;
  registrationDeadline: Dayjs | null;
  cascadeDeadline: Dayjs | null;
  /** Link the draft to the parent plan a legal basis cites (when that plan is in the system). */
  linkParent: boolean;
  content: {
    legalBases: {
      text: string;
      number: string | null;
      date: Dayjs | null;
      planId: number | null;
      src?: number;
    }[];
    deadlines: { label: string; date: Dayjs | null; src?: number }[];
    contents: TextRow[];
    participants: {
      collectiveUnitKinds: UnitKind[];
      collectives: TextRow[];
      individualCategories: PersonCategory[];
      individuals: TextRow[];
      excluded: TextRow[];
    };
    criteria: { collective: TextRow[]; individual: TextRow[] };
    rewards: {
      form: string;
      scope: RewardScope | null;
      issuerTitle: string | null;
      amountVnd: number | null;
      src?: number;
    }[];
    quotas: {
      scope: 'collective' | 'individual';
      level: string;
      maxCount: number | null;
      maxPercent: number | null;
      src?: number;
    }[];
    dossier: { level: string; items: TextRow[] };
    recipients: TextRow[];
    signer: { authority: string | null; title: string | null; name: string | null };
    contest: {
      prizes: {
        rank: string;
        count: number | null;
        recipient: 'collective' | 'individual' | null;
        src?: number;
      }[];
      entryQuotas: { unitType: string; minEntries: number | null; src?: number }[];
    };
  };
};

const DEFAULT_DOSSIER_LEVEL = 'Hồ sơ đề nghị khen thưởng';

const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
const toIso = (d: Dayjs | null | undefined): string | null =>
  d && d.isValid() ? d.format('YYYY-MM-DD') : null;
const rows = (list: readonly string[]): TextRow[] => list.map((value, src) => ({ value, src }));
const texts = (list: readonly TextRow[] | undefined): string[] =>
  (list ?? []).map((r) => (r.value ?? '').trim()).filter((v) => v !== '');
const blankToNull = (v: string | null | undefined): string | null => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

/** Splits "KH-UBND" into the document type and the issuer symbol the plan model keeps. */
function symbolParts(symbol: string | null): { docType?: PlanDocType; issuerSymbol?: string } {
  if (!symbol) return {};
  const [type, ...rest] = symbol.split('-');
  const docType = (['KH', 'HD', 'CTr'] as const).find((t) => t === type);
  const issuer = rest.join('-');
  return { docType, issuerSymbol: issuer === '' ? undefined : issuer };
}

/**
 * Initial form values. Fields the reader did not find stay empty (the document symbol is not
 * replaced by the server's KH-UBND default, for instance).
 */
export function initialValues(reading: PlanReading, issuingUnitId?: string): ImportFormValues {
  const { draft, found } = reading;
  const c = draft.content;
  const dossier = c.dossier[0];
  const symbol = symbolParts(found.documentSymbol);
  return {
    issuingUnitId,
    kind: draft.kind,
    mode: draft.mode,
    docType: symbol.docType,
    issuerSymbol: symbol.issuerSymbol,
    place: draft.place ?? undefined,
    title: draft.title ?? undefined,
    periodStart: toDay(draft.periodStart),
    periodEnd: toDay(draft.periodEnd),
    registrationDeadline: toDay(draft.registrationDeadline),
    cascadeDeadline: toDay(draft.cascadeDeadline),
    linkParent: draft.parentPlanId !== null,
    content: {
      legalBases: c.legalBases.map((b, src) => ({
        text: b.text,
        number: b.number,
        date: toDay(b.date),
        planId: b.planId,
        src,
      })),
      deadlines: c.deadlines.map((d, src) => ({ label: d.label, date: toDay(d.date), src })),
      contents: rows(c.contents),
      participants: {
        collectiveUnitKinds: c.participants.collectiveUnitKinds,
        collectives: rows(c.participants.collectives),
        individualCategories: c.participants.individualCategories,
        individuals: rows(c.participants.individuals),
        excluded: rows(c.participants.excluded),
      },
      criteria: {
        collective: rows(c.criteria.collective),
        individual: rows(c.criteria.individual),
      },
      rewards: c.rewards.map((r, src) => ({
        form: r.form,
        scope: r.scope,
        issuerTitle: r.issuerTitle,
        amountVnd: r.amountVnd,
        src,
      })),
      quotas: c.quotas.map((q, src) => ({
        scope: q.scope,
        level: q.level,
        maxCount: q.maxCount,
        maxPercent: q.maxPercent,
        src,
      })),
      dossier: {
        level: dossier?.level ?? DEFAULT_DOSSIER_LEVEL,
        items: rows(dossier?.items ?? []),
      },
      recipients: rows(c.recipients),
      signer: {
        authority: c.signer?.authority ?? null,
        title: c.signer?.title ?? null,
        name: c.signer?.name ?? null,
      },
      contest: {
        prizes: (c.contest?.prizes ?? []).map((p, src) => ({
          rank: p.rank,
          count: p.count,
          recipient: p.recipient,
          src,
        })),
        entryQuotas: (c.contest?.entryQuotas ?? []).map((q, src) => ({
          unitType: q.unitType,
          minEntries: q.minEntries,
          src,
        })),
      },
    },
  };
}

/** The CreatePlan body: the reading's draft with the officer's corrections over it. */
export function toCreateBody(reading: PlanReading, v: ImportFormValues): CreatePlanBody {
  const base = reading.draft.content;
  const f = v.content;
  const legalBases = (f.legalBases ?? []).map((b) => ({
    text: (b.text ?? '').trim(),
    number: blankToNull(b.number),
    date: toIso(b.date),
    planId: b.planId ?? null,
  }));
  const dossierItems = texts(f.dossier?.items);
  const signer = {
    authority: blankToNull(f.signer?.authority),
    title: blankToNull(f.signer?.title),
    name: blankToNull(f.signer?.name),
  };
  const prizes = (f.contest?.prizes ?? []).map((p) => ({
    rank: (p.rank ?? '').trim(),
    count: p.count ?? null,
    recipient: p.recipient ?? null,
    amountVnd: null,
  }));
  const entryQuotas = (f.contest?.entryQuotas ?? []).map((q) => ({
    unitType: (q.unitType ?? '').trim(),
    minEntries: q.minEntries as number,
  }));
  const content: PlanContentDraft = {
    ...base,
    legalBases,
    contents: texts(f.contents),
    participants: {
      collectiveUnitKinds: f.participants?.collectiveUnitKinds ?? [],
      collectiveUnitIds: [],
      collectives: texts(f.participants?.collectives),
      individualCategories: f.participants?.individualCategories ?? [],
      individuals: texts(f.participants?.individuals),
      excluded: texts(f.participants?.excluded),
    },
    criteria: {
      collective: texts(f.criteria?.collective),
      individual: texts(f.criteria?.individual),
    },
    deadlines: (f.deadlines ?? []).map((d) => ({
      label: (d.label ?? '').trim(),
      date: toIso(d.date) as string,
    })),
    rewards: (f.rewards ?? []).map((r) => ({
      form: (r.form ?? '').trim(),
      scope: r.scope ?? null,
      issuerTitle: blankToNull(r.issuerTitle),
      amountVnd: r.amountVnd ?? null,
      coefficient: null,
      note: null,
    })),
    quotas: (f.quotas ?? []).map((q) => ({
      scope: q.scope,
      level: (q.level ?? '').trim(),
      maxCount: q.maxCount ?? null,
      maxPercent: q.maxPercent ?? null,
    })),
    dossier:
      dossierItems.length === 0
        ? []
        : [{ level: blankToNull(f.dossier?.level) ?? DEFAULT_DOSSIER_LEVEL, items: dossierItems }],
    recipients: texts(f.recipients),
    signer:
      signer.authority === null && signer.title === null && signer.name === null
        ? null
        : { ...signer, title: signer.title ?? '' },
    contest:
      v.kind === 'contest' || prizes.length > 0 || entryQuotas.length > 0
        ? {
            ...(base.contest ?? { topics: [], noveltyCutoff: null, funding: null }),
            prizes,
            entryQuotas,
          }
        : null,
  };
  const parent = legalBases.find((b) => b.planId !== null);
  const body: CreatePlanBody = {
    issuingUnitId: v.issuingUnitId,
    kind: v.kind,
    mode: v.mode ?? null,
    docType: v.docType ?? reading.draft.docType,
    issuerSymbol: (v.issuerSymbol ?? '').trim() || reading.draft.issuerSymbol,
    place: (v.place ?? '').trim(),
    title: (v.title ?? '').trim(),
    periodStart: toIso(v.periodStart),
    periodEnd: toIso(v.periodEnd),
    registrationDeadline: toIso(v.registrationDeadline),
    cascadeDeadline: toIso(v.cascadeDeadline),
    parentPlanId: v.linkParent && parent ? parent.planId : null,
    content,
  };
  return body;
}

/** Lists whose rows are plain strings: in the form each row is { value, src }. */
const textLists = new Set([
  'content.contents',
  'content.participants.collectives',
  'content.participants.individuals',
  'content.participants.excluded',
  'content.criteria.collective',
  'content.criteria.individual',
  'content.recipients',
]);

/**
 * The form field a server error path points at ("content.contents.3" → content.contents[3].value),
 * or null when the form has no such field (the alert above the form names every error anyway).
 */
export function formNameOf(field: string): (string | number)[] | null {
  const parts: (string | number)[] = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'content' && parts[1] === 'dossier') {
    // content.dossier.0.items.2 → content.dossier.items.2.value
    const rest = parts.slice(3);
    if (rest[0] === 'items' && typeof rest[1] === 'number')
      return ['content', 'dossier', 'items', rest[1], 'value'];
    if (rest[0] === 'level') return ['content', 'dossier', 'level'];
    return null;
  }
  const listPath = parts.slice(0, -1).join('.');
  if (typeof parts[parts.length - 1] === 'number' && textLists.has(listPath))
    return [...parts, 'value'];
  const known = new Set([
    'issuingUnitId',
    'kind',
    'mode',
    'docType',
    'issuerSymbol',
    'place',
    'title',
    'periodStart',
    'periodEnd',
    'registrationDeadline',
    'cascadeDeadline',
    'content',
  ]);
  if (!known.has(String(parts[0]))) return null;
  if (parts[0] === 'content' && parts.length < 3) return null;
  return parts;
}

/** Evidence flattened with a stable key per excerpt (used to link a field and its <mark>). */
export type KeyedEvidence = Evidence & { key: number };

export function flattenEvidence(evidence: Record<string, Evidence[]>): KeyedEvidence[] {
  const out: KeyedEvidence[] = [];
  for (const list of Object.values(evidence)) {
    for (const e of list) {
      if (typeof e.start !== 'number' || typeof e.end !== 'number' || e.end <= e.start) continue;
      out.push({ ...e, key: out.length });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Excerpts for a found-field path and everything under it ("legalBases.0", "signer"). */
export function evidenceUnder(all: readonly KeyedEvidence[], path: string): KeyedEvidence[] {
  return all.filter((e) => e.field === path || e.field.startsWith(`${path}.`));
}
