/**
 * The plan editor's form values and their conversion to and from the API: dates are dayjs in the
 * form and 'YYYY-MM-DD' on the wire, unit ids strings in the form and numbers on the wire. The
 * form mirrors the request body's shape so a server error on "content.rewards.0.amountVnd" lands
 * on the form field of that very name path. Reward forms, quotas, prizes and criteria carry their
 * stable ids (decision 025) through the form and back, so the server keeps them; a row added in
 * the editor has none and gets one on saving. Criteria are rows `{ id, text }` here (the ids stay
 * with their text when rows move) and parallel lists of texts and ids on the wire.
 */
import dayjs from 'dayjs';
import { upperFirst } from '../../ui/text';
import type { Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import type {
  CampaignMode,
  PlanContent,
  PlanContentInput,
  PlanDocType,
  PlanKind,
  ReviewRoundKind,
  RewardScope,
} from '../../../shared/campaign';
import type { PersonCategory, UnitKind } from '../../../shared/org';
import { isApiError } from '../../api/client';
import type { FieldError } from '../../api/client';
import type { PlanDetail, PlanInput } from './plans.api';

type D = Dayjs | null | undefined;
type Text = string | null | undefined;
type Num = number | null | undefined;
type Scope2 = 'collective' | 'individual';
/** A criterion in the editor: its text and, once saved, its id. */
export type CriterionRow = { id?: string; text?: Text };

export type ContentValues = {
  legalBases: { text?: Text; number?: Text; date?: D; planId?: Num }[];
  preamble?: Text;
  theme?: Text;
  purposes: string[];
  requirements: string[];
  goals: string[];
  contents: string[];
  participants: {
    collectiveUnitKinds: UnitKind[];
    collectiveUnitIds: string[];
    collectives: string[];
    individualCategories: PersonCategory[];
    individuals: string[];
    excluded: string[];
  };
  criteria: { collective: CriterionRow[]; individual: CriterionRow[] };
  deadlines: { label?: Text; date?: D }[];
  reviewRounds: { kind?: ReviewRoundKind; label?: Text; date?: D }[];
  rewards: {
    id?: string;
    form?: Text;
    scope?: RewardScope | null;
    issuerTitle?: Text;
    amountVnd?: Num;
    coefficient?: Num;
    note?: Text;
  }[];
  quotas: { id?: string; scope?: Scope2; level?: Text; maxCount?: Num; maxPercent?: Num }[];
  dossier: { level?: Text; items: string[] }[];
  assignments: { assignee?: Text; unitId?: string; task?: Text }[];
  recipients: string[];
  signer: { authority?: Text; title?: Text; name?: Text };
  contest: {
    topics: string[];
    prizes: {
      id?: string;
      rank?: Text;
      count?: Num;
      recipient?: Scope2 | null;
      amountVnd?: Num;
    }[];
    entryQuotas: { unitType?: Text; minEntries?: Num }[];
    noveltyCutoff?: D;
    funding?: Text;
  };
  closing?: Text;
};

export type PlanFormValues = {
  issuingUnitId?: string;
  kind: PlanKind;
  mode?: CampaignMode | null;
  docType: PlanDocType;
  issuerSymbol: string;
  place: string;
  title: string;
  periodStart?: D;
  periodEnd?: D;
  registrationDeadline?: D;
  cascadeDeadline?: D;
  cascadeUnitIds: string[];
  content: ContentValues;
};

const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
const toIso = (d: D): string | null => (d ? d.format('YYYY-MM-DD') : null);
const str = (v: Text): string => (typeof v === 'string' ? v.trim() : '');
const opt = (v: Text): string | null => str(v) || null;
const num = (v: Num): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const criterionRows = (texts: string[], ids: string[]): CriterionRow[] =>
  texts.map((text, i) => ({ id: ids[i], text }));

function contentValues(c: PlanContent): ContentValues {
  return {
    ...c,
    criteria: {
      collective: criterionRows(c.criteria.collective, c.criteria.collectiveIds),
      individual: criterionRows(c.criteria.individual, c.criteria.individualIds),
    },
    legalBases: c.legalBases.map((b) => ({ ...b, date: toDay(b.date) })),
    participants: {
      ...c.participants,
      collectiveUnitIds: c.participants.collectiveUnitIds.map(String),
    },
    deadlines: c.deadlines.map((d) => ({ ...d, date: toDay(d.date) })),
    reviewRounds: c.reviewRounds.map((r) => ({ ...r, date: toDay(r.date) })),
    assignments: c.assignments.map((a) => ({
      ...a,
      unitId: a.unitId === null ? undefined : String(a.unitId),
    })),
    signer: c.signer ?? {},
    contest: c.contest
      ? { ...c.contest, noveltyCutoff: toDay(c.contest.noveltyCutoff) }
      : { topics: [], prizes: [], entryQuotas: [] },
  };
}

export const emptyContentValues = (): ContentValues => ({
  legalBases: [],
  purposes: [],
  requirements: [],
  goals: [],
  contents: [],
  participants: {
    collectiveUnitKinds: [],
    collectiveUnitIds: [],
    collectives: [],
    individualCategories: [],
    individuals: [],
    excluded: [],
  },
  criteria: { collective: [], individual: [] },
  deadlines: [],
  reviewRounds: [],
  rewards: [],
  quotas: [],
  dossier: [],
  assignments: [],
  recipients: ['Lưu: VT'],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
  contest: { topics: [], prizes: [], entryQuotas: [] },
});

export function planToFormValues(p: PlanDetail): PlanFormValues {
  return {
    issuingUnitId: String(p.issuingUnit.id),
    kind: p.kind,
    mode: p.mode,
    docType: p.docType,
    issuerSymbol: p.issuerSymbol,
    place: p.place,
    title: p.title,
    periodStart: toDay(p.periodStart),
    periodEnd: toDay(p.periodEnd),
    registrationDeadline: toDay(p.registrationDeadline),
    cascadeDeadline: toDay(p.cascadeDeadline),
    cascadeUnitIds: p.cascadeUnitIds.map(String),
    content: contentValues(p.content),
  };
}

const blankLine = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const lines = (l: string[] | undefined) => (l ?? []).filter((s) => !blankLine(s));

/** A row the user added or cleared and left entirely empty (an id alone is no content). */
function blankRow(row: object): boolean {
  return Object.entries(row as Record<string, unknown>).every(
    ([k, v]) =>
      k === 'id' ||
      v === undefined ||
      v === null ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.every(blankLine)),
  );
}
const rows = <T extends object>(r: T[] | undefined): T[] => (r ?? []).filter((x) => !blankRow(x));

/**
 * Drops blank lines and empty rows. Put the result back into the form before sending, so the
 * row numbers of server errors match the rows on screen.
 */
export function cleanContent(c: ContentValues): ContentValues {
  return {
    ...c,
    legalBases: rows(c.legalBases),
    purposes: lines(c.purposes),
    requirements: lines(c.requirements),
    goals: lines(c.goals),
    contents: lines(c.contents),
    participants: {
      collectiveUnitKinds: c.participants?.collectiveUnitKinds ?? [],
      collectiveUnitIds: (c.participants?.collectiveUnitIds ?? []).map(String),
      individualCategories: c.participants?.individualCategories ?? [],
      collectives: lines(c.participants?.collectives),
      individuals: lines(c.participants?.individuals),
      excluded: lines(c.participants?.excluded),
    },
    criteria: {
      collective: rows(c.criteria?.collective),
      individual: rows(c.criteria?.individual),
    },
    deadlines: rows(c.deadlines),
    reviewRounds: rows(c.reviewRounds),
    rewards: rows(c.rewards),
    quotas: rows(c.quotas),
    dossier: rows(c.dossier).map((d) => ({ ...d, items: lines(d.items) })),
    assignments: rows(c.assignments),
    recipients: lines(c.recipients),
    contest: {
      topics: lines(c.contest?.topics),
      prizes: rows(c.contest?.prizes ?? []),
      entryQuotas: rows(c.contest?.entryQuotas ?? []),
      noveltyCutoff: c.contest?.noveltyCutoff,
      funding: c.contest?.funding,
    },
  };
}

function contentInput(c: ContentValues, kind: PlanKind): PlanContentInput {
  const signer = c.signer ?? {};
  const hasSigner = [signer.authority, signer.title, signer.name].some((v) => str(v) !== '');
  const contest = c.contest;
  return {
    legalBases: c.legalBases.map((b) => ({
      text: str(b.text),
      number: opt(b.number),
      date: toIso(b.date),
      planId: num(b.planId),
    })),
    preamble: opt(c.preamble),
    theme: opt(c.theme),
    purposes: c.purposes,
    requirements: c.requirements,
    goals: c.goals,
    contents: c.contents,
    participants: {
      ...c.participants,
      collectiveUnitIds: c.participants.collectiveUnitIds.map(Number),
    },
    criteria: {
      collective: c.criteria.collective.map((r) => str(r.text)),
      collectiveIds: c.criteria.collective.map((r) => r.id ?? null),
      individual: c.criteria.individual.map((r) => str(r.text)),
      individualIds: c.criteria.individual.map((r) => r.id ?? null),
    },
    deadlines: c.deadlines.map((d) => ({ label: str(d.label), date: toIso(d.date) ?? '' })),
    reviewRounds: c.reviewRounds.map((r) => ({
      kind: r.kind ?? 'annual',
      label: str(r.label),
      date: toIso(r.date),
    })),
    rewards: c.rewards.map((r) => ({
      id: r.id,
      form: str(r.form),
      scope: r.scope ?? null,
      issuerTitle: opt(r.issuerTitle),
      amountVnd: num(r.amountVnd),
      coefficient: num(r.coefficient),
      note: opt(r.note),
    })),
    quotas: c.quotas.map((q) => ({
      id: q.id,
      scope: q.scope ?? 'collective',
      level: str(q.level),
      maxCount: num(q.maxCount),
      maxPercent: num(q.maxPercent),
    })),
    dossier: c.dossier.map((d) => ({ level: str(d.level), items: d.items })),
    assignments: c.assignments.map((a) => ({
      assignee: str(a.assignee),
      unitId: a.unitId ? Number(a.unitId) : null,
      task: str(a.task),
    })),
    recipients: c.recipients,
    signer: hasSigner
      ? { authority: opt(signer.authority), title: str(signer.title), name: opt(signer.name) }
      : null,
    contest:
      kind === 'contest'
        ? {
            topics: contest.topics,
            prizes: contest.prizes.map((p) => ({
              id: p.id,
              rank: str(p.rank),
              count: num(p.count),
              recipient: p.recipient ?? null,
              amountVnd: num(p.amountVnd),
            })),
            entryQuotas: contest.entryQuotas.map((q) => ({
              unitType: str(q.unitType),
              minEntries: num(q.minEntries) ?? 0,
            })),
            noveltyCutoff: toIso(contest.noveltyCutoff),
            funding: opt(contest.funding),
          }
        : null,
    closing: opt(c.closing),
  };
}

/** The request body for create / update / amend / preview from (cleaned) form values. */
export function formValuesToInput(v: PlanFormValues): PlanInput {
  return {
    kind: v.kind,
    mode: v.mode ?? null,
    docType: v.docType,
    issuerSymbol: str(v.issuerSymbol),
    place: str(v.place),
    title: str(v.title),
    periodStart: toIso(v.periodStart),
    periodEnd: toIso(v.periodEnd),
    registrationDeadline: toIso(v.registrationDeadline),
    cascadeDeadline: toIso(v.cascadeDeadline),
    cascadeUnitIds: (v.cascadeUnitIds ?? []).map(Number),
    content: contentInput(v.content, v.kind),
  };
}

/** Reads every value (mounted or not), cleans blank rows out of the form and returns the body. */
export function readCleanInput(form: FormInstance<PlanFormValues>): PlanInput {
  const all = form.getFieldsValue(true) as PlanFormValues;
  const content = cleanContent(all.content ?? emptyContentValues());
  form.setFieldValue('content', content);
  return formValuesToInput({ ...all, content });
}

/** Editor sections (Collapse keys) and the fields each holds, for opening the one with an error. */
export type SectionKey =
  | 'general'
  | 'bases'
  | 'aims'
  | 'contents'
  | 'participants'
  | 'criteria'
  | 'time'
  | 'rewards'
  | 'dossier'
  | 'assignments'
  | 'cascade'
  | 'contest'
  | 'closing';

const contentSections: Record<string, SectionKey> = {
  legalBases: 'bases',
  preamble: 'bases',
  theme: 'aims',
  purposes: 'aims',
  requirements: 'aims',
  goals: 'aims',
  contents: 'contents',
  participants: 'participants',
  criteria: 'criteria',
  deadlines: 'time',
  reviewRounds: 'time',
  rewards: 'rewards',
  quotas: 'rewards',
  dossier: 'dossier',
  assignments: 'assignments',
  contest: 'contest',
  recipients: 'closing',
  signer: 'closing',
  closing: 'closing',
};
const topSections: Record<string, SectionKey> = {
  periodStart: 'time',
  periodEnd: 'time',
  registrationDeadline: 'time',
  cascadeDeadline: 'cascade',
  cascadeUnitIds: 'cascade',
};

export function sectionOf(field: string): SectionKey {
  const [top, second] = field.split('.');
  if (top === 'content' && second !== undefined) return contentSections[second] ?? 'general';
  return topSections[top ?? ''] ?? 'general';
}

export function toNamePath(field: string): (string | number)[] {
  const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  // A criterion is a row { id, text } in the form: its text (or id) error goes on the text box.
  if (path[0] === 'content' && path[1] === 'criteria' && typeof path[3] === 'number') {
    const scope = String(path[2]).replace(/Ids$/, '');
    return ['content', 'criteria', scope, path[3], 'text'];
  }
  return path;
}

/**
 * Puts the server's field errors under the matching form items (list rows included) and returns
 * them for the summary; an error that is not a validation error comes back as `message`.
 */
export function applyPlanErrors(
  form: FormInstance<PlanFormValues>,
  error: unknown,
): { message: string; fields: FieldError[] } {
  if (!isApiError(error))
    return { message: error instanceof Error ? error.message : 'Đã có lỗi xảy ra.', fields: [] };
  const fields = error.fields;
  if (fields.length > 0)
    (form as FormInstance).setFields(
      fields.map((f) => ({ name: toNamePath(f.field), errors: [upperFirst(f.message)] })),
    );
  return { message: error.message, fields };
}
