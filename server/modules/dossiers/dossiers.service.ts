import type { Ctx } from '../../platform/context';
import { actorId } from '../../platform/context';
import { can } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Executor } from '../../platform/db';
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../platform/errors';
import { parseInput } from '../../platform/validation';
import { vietnamDate } from '../../../shared/dates';
import type { GeneratedKind } from '../../../shared/documents';
import {
  reportParts,
  requestParts,
  type DossierDocument,
  type DossierPartSpec,
} from '../../../shared/dossiers';
import {
  nominationRoundLabels,
  type NominationRound,
  type NominationStatus,
} from '../../../shared/nominations';
import {
  DossierPartsUpdate,
  DossierRequestOpen,
  type DossierRequest,
  type NominationDossier,
} from '../../../shared/api/dossiers';
import { getVisiblePlan, issuingBodyName, placeOf } from '../campaigns/index';
import {
  findGenerated,
  longDate,
  renderOutlineDocx,
  renderOutlinePdf,
  storeGenerated,
  type OfficialOutline,
} from '../documents/index';
import { getPersonHonours, getUnitHonours } from '../honours/index';
import {
  getNomination,
  listNominations,
  nominationForDossier,
  type NominationForDossier,
} from '../nominations/index';
import { findPerson, getUnit } from '../organization/index';
import {
  buildListOutline,
  buildReportOutline,
  buildRequestOutline,
  type HistoryLine,
  type Issuer,
  type Nominee,
} from './dossier-documents';
import {
  DEAD_STATUSES,
  frozenReason,
  isGovernment,
  issuerSymbol,
  reportVariant,
  requestFrozenReason,
} from './dossiers.rules';
import * as q from './dossiers.queries';

const labels = { parts: 'Nội dung hồ sơ', round: 'Đợt xét', proposingUnitId: 'Đơn vị đề nghị' };
const NO_EDIT = 'Chỉ thủ trưởng, cán bộ thi đua của đơn vị đề nghị được soạn nội dung hồ sơ.';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
export type DossierFile = { data: Buffer; fileName: string; contentType: string };
type Format = 'docx' | 'pdf';

const by = (ctx: Ctx) => ({ userId: actorId(ctx.actor), at: ctx.now() });

// ── Facts ───────────────────────────────────────────────────────────────────────────────────

/** The proposing unit as the issuer of its documents (header, place, symbol). */
async function issuerOf(db: Executor, unitId: number): Promise<Issuer & { unit: UnitFacts }> {
  const unit = await getUnit(db, unitId);
  const parent = unit.parentId === null ? null : await getUnit(db, unit.parentId);
  const gov = isGovernment(unit.kind);
  return {
    issuingBody: issuingBodyName(unit.kind, unit.name),
    parentBody: gov || parent === null ? null : issuingBodyName(parent.kind, parent.name),
    name: gov ? `Ủy ban nhân dân ${unit.name}` : unit.name,
    place: placeOf(gov || parent === null ? unit.name : parent.name),
    symbol: issuerSymbol(unit.kind, unit.name),
    unit: { ...unit, parent },
  };
}
type UnitFacts = Awaited<ReturnType<typeof getUnit>> & {
  parent: Awaited<ReturnType<typeof getUnit>> | null;
};

/** The submissions of nominations: how many (the frozen version) and the last one's date. */
async function submissions(ctx: Ctx, ids: readonly number[]) {
  let count = 0;
  let last: string | null = null;
  for (const id of ids) {
    const n = await getNomination(ctx, id);
    for (const s of n.steps.filter((x) => x.action === 'submit')) {
      count += 1;
      if (last === null || s.at > last) last = s.at;
    }
  }
  return { count, date: last === null ? vietnamDate(ctx.now()) : vietnamDate(new Date(last)) };
}

/** Parts as the response shows them: saved text, else the default from the data. */
function partsView(
  specs: DossierPartSpec[],
  rows: q.TextRow[],
  defaults: Record<string, string>,
): NominationDossier['parts'] {
  const saved = new Map(rows.map((r) => [r.partKey, r]));
  return specs.map((s) => {
    const r = saved.get(s.key);
    return {
      key: s.key,
      label: s.label,
      lines: s.lines === true,
      text: r?.text ?? defaults[s.key] ?? '',
      version: r?.version ?? 0,
      updatedAt: r === undefined ? null : new Date(r.updatedAt).toISOString(),
    };
  });
}

const textsOf = (parts: NominationDossier['parts']) =>
  Object.fromEntries(parts.map((p) => [p.key, p.text]));

function checkKeys(specs: DossierPartSpec[], keys: string[]): void {
  const known = new Set(specs.map((s) => s.key));
  keys.forEach((key, i) => {
    if (!known.has(key))
      throw fieldError(`parts.${i}.key`, 'Phần nội dung', `"${key}" không có trong văn bản này`);
  });
}

// ── A nomination's report ─────────────────────────────────────────────────────────────────────

async function reportState(ctx: Ctx, n: NominationForDossier) {
  const plan = await getVisiblePlan(ctx, ctx.db, n.planId);
  const subject = n.personId !== null ? 'person' : 'unit';
  const variant = reportVariant(plan.mode, subject);
  const specs = reportParts(variant, subject);
  const person = n.personId === null ? undefined : await findPerson(ctx.db, n.personId);
  const defaults: Record<string, string> = {
    achievements: n.achievement,
    duties: person?.position == null ? '' : `${person.position}, ${person.unitName}.`,
  };
  const parts = partsView(specs, await q.listTexts(ctx.db, { nominationId: n.id }), defaults);
  const frozen = frozenReason(n.status);
  return { plan, variant, specs, parts, person, frozen };
}

function dossierView(
  n: NominationForDossier,
  s: Awaited<ReturnType<typeof reportState>>,
): NominationDossier {
  const readOnlyReason = s.frozen ?? (n.canPropose ? null : NO_EDIT);
  return {
    nominationId: n.id,
    variant: s.variant,
    frozen: s.frozen !== null,
    readOnlyReason,
    canEdit: readOnlyReason === null,
    parts: s.parts,
    documents: ['report'],
  };
}

/**
 * A nomination's report of achievements: its free-text parts (saved, or the defaults from the
 * data: the nomination's achievement, the person's position), its variant (individual Mẫu 05,
 * collective, thematic), and whether it is frozen (submitted or beyond). Readable by whoever may
 * see the nomination (NOT_FOUND otherwise); editable by its proposer while a draft or returned.
 */
export async function getNominationDossier(ctx: Ctx, id: number): Promise<NominationDossier> {
  const n = await nominationForDossier(ctx, ctx.db, id);
  return dossierView(n, await reportState(ctx, n));
}

/**
 * Saves free-text parts of a nomination's report. Only its proposer (`nomination.submit` over
 * the proposing unit; FORBIDDEN), only while the nomination is a draft or returned (INVALID_STATE
 * with the reason: the dossier froze on submission — the nomination row is locked so an edit and
 * the submission are serialised); each part's `version` must be its current one (CONFLICT); an
 * unknown part is VALIDATION_FAILED. Audited.
 */
export async function saveNominationParts(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<NominationDossier> {
  const data = parseInput(DossierPartsUpdate, input, labels);
  await ctx.db.transaction().execute(async (trx) => {
    const n = await nominationForDossier(ctx, trx, id, true);
    if (!n.canPropose) throw forbidden(NO_EDIT);
    const frozen = frozenReason(n.status);
    if (frozen !== null) throw new AppError('INVALID_STATE', frozen);
    const plan = await getVisiblePlan(ctx, trx, n.planId);
    checkKeys(
      reportParts(
        reportVariant(plan.mode, n.personId !== null ? 'person' : 'unit'),
        n.personId !== null ? 'person' : 'unit',
      ),
      data.parts.map((p) => p.key),
    );
    await saveParts(trx, ctx, { nominationId: id }, data.parts, {
      entityType: 'nomination',
      entityId: id,
      unitPath: n.proposingUnitPath,
    });
  });
  return getNominationDossier(ctx, id);
}

async function saveParts(
  trx: Executor,
  ctx: Ctx,
  owner: q.Owner,
  parts: { key: string; text: string; version: number }[],
  entity: { entityType: string; entityId: number; unitPath: string },
): Promise<void> {
  for (const part of parts)
    if (!(await q.saveText(trx, owner, part, by(ctx)))) throw staleVersion();
  await recordAudit(trx, ctx, {
    action: 'dossier.parts_saved',
    ...entity,
    after: { parts: parts.map((p) => ({ key: p.key, text: p.text })) },
  });
}

/** Awards received before, newest first, as the report's table prints them. */
async function historyOf(ctx: Ctx, n: NominationForDossier): Promise<HistoryLine[]> {
  const h =
    n.personId !== null
      ? await getPersonHonours(ctx, n.personId, {})
      : await getUnitHonours(ctx, n.unitId ?? 0, {});
  return h.items.map((x) => ({
    year: x.year,
    formName: x.formName,
    decision:
      [
        x.decisionNumber === null ? null : `Quyết định số ${x.decisionNumber}`,
        x.decisionDate === null ? null : longDate(x.decisionDate),
        x.issuer,
      ]
        .filter(Boolean)
        .join(' ') || null,
  }));
}

/** Renders once frozen files are stored (generated.service), so a frozen document never changes. */
async function renderOrStored(
  ctx: Ctx,
  key: { kind: GeneratedKind; id: number; version: number } | null,
  format: Format,
  fileName: string,
  outline: () => Promise<{ outline: OfficialOutline; date: string }>,
): Promise<DossierFile> {
  const contentType = format === 'docx' ? DOCX : PDF;
  const name = `${fileName}.${format}`;
  if (key !== null) {
    const stored = await findGenerated(ctx, { ...key, format });
    if (stored !== undefined) return { data: stored, fileName: name, contentType };
  }
  const o = await outline();
  const date = new Date(`${o.date}T00:00:00Z`);
  const data =
    format === 'docx'
      ? await renderOutlineDocx(o.outline, date)
      : await renderOutlinePdf(o.outline, date);
  if (key !== null) await storeGenerated(ctx, { ...key, format }, { data, name, contentType });
  return { data, fileName: name, contentType };
}

/**
 * The report of achievements as .docx or .pdf, from the nomination, the person or unit, the
 * award history (honours) and the parts. Once frozen, the first download is stored (documents'
 * generated.service, keyed by the number of submissions) and every later one returns those
 * bytes. NOT_FOUND when the nomination is unseen.
 */
export async function nominationReportFile(
  ctx: Ctx,
  id: number,
  format: Format,
): Promise<DossierFile> {
  const n = await nominationForDossier(ctx, ctx.db, id);
  const sent = await submissions(ctx, [id]);
  const frozen = frozenReason(n.status) !== null && sent.count > 0;
  return renderOrStored(
    ctx,
    frozen ? { kind: 'dossier_report', id, version: sent.count } : null,
    format,
    `bao-cao-thanh-tich-${id}`,
    async () => {
      const s = await reportState(ctx, n);
      const issuer = await issuerOf(ctx.db, n.proposingUnitId);
      const subjectUnit = n.unitId === null ? null : await issuerOf(ctx.db, n.unitId);
      const outline = buildReportOutline({
        variant: s.variant,
        subject:
          s.person !== undefined
            ? {
                kind: 'person',
                fullName: s.person.fullName,
                gender:
                  s.person.gender === 'male' || s.person.gender === 'female'
                    ? s.person.gender
                    : null,
                birthYear: s.person.birthYear,
                position: s.person.position,
                unitName: s.person.unitName,
              }
            : {
                kind: 'unit',
                name: n.subjectName,
                parentName: subjectUnit?.unit.parent?.displayName ?? null,
              },
        formName: n.formName,
        planTitle: s.plan.title,
        periodFrom: n.periodFrom,
        periodTo: n.periodTo,
        issuer: subjectUnit ?? issuer,
        date: sent.date,
        parts: textsOf(s.parts),
        history: s.variant === 'thematic' ? [] : await historyOf(ctx, n),
      });
      return { outline, date: sent.date };
    },
  );
}

// ── A tờ trình and its list ───────────────────────────────────────────────────────────────────

function roundText(round: NominationRound, planTitle: string): string {
  const word = nominationRoundLabels[round].replace(/\s*\(.*\)$/u, '').toLocaleLowerCase('vi');
  return `${word} ${planTitle}`.trim();
}

async function requestState(ctx: Ctx, row: q.RequestRow) {
  const unit = await getUnit(ctx.db, row.proposingUnitId);
  const canRead =
    can(ctx.actor, 'nomination.submit', unit.path) ||
    can(ctx.actor, 'nomination.review', unit.path);
  if (!canRead) throw notFound('tờ trình');
  const canPropose = can(ctx.actor, 'nomination.submit', unit.path);
  const plan = await getVisiblePlan(ctx, ctx.db, row.planId);
  const covered = (await listNominations(ctx, row.planId)).items.filter(
    (n) =>
      n.round === row.round &&
      n.proposingUnit.id === row.proposingUnitId &&
      !DEAD_STATUSES.includes(n.status),
  );
  const issuer = await issuerOf(ctx.db, row.proposingUnitId);
  const parent = issuer.unit.parent;
  const gov = isGovernment(unit.kind);
  const addressee =
    parent === null
      ? 'Hội đồng Thi đua - Khen thưởng'
      : isGovernment(parent.kind)
        ? `Chủ tịch Ủy ban nhân dân ${parent.name}`
        : parent.name;
  const planRef =
    plan.documentNumber === null
      ? `Kế hoạch ${plan.title}`
      : `Kế hoạch số ${plan.documentNumber}${plan.issuedOn === null ? '' : ` ${longDate(plan.issuedOn)}`} của ${plan.unitName} về ${plan.title}`;
  const defaults: Record<string, string> = {
    addressee,
    legalBases: [
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ',
      planRef,
    ].join('\n'),
    summary: `Thực hiện ${planRef}, ${unit.name} đã tổ chức bình xét thi đua, khen thưởng ${roundText(row.round, '')}; các tập thể, cá nhân dưới đây đủ tiêu chuẩn, điều kiện đề nghị khen thưởng.`,
    proposal: `${unit.name} kính trình ${addressee} xem xét, quyết định./.`,
    recipients: ['Như trên', 'Lưu: VT'].join('\n'),
    signerTitle: gov ? 'Chủ tịch' : 'Thủ trưởng đơn vị',
    signerName: '',
  };
  const parts = partsView(requestParts, await q.listTexts(ctx.db, { requestId: row.id }), defaults);
  const frozen = requestFrozenReason(covered.map((n) => n.status));
  const readOnlyReason = frozen ?? (canPropose ? null : NO_EDIT);
  const view: DossierRequest = {
    id: row.id,
    planId: row.planId,
    round: row.round,
    proposingUnit: { id: unit.id, name: unit.displayName },
    nominations: covered.map((n) => ({
      id: n.id,
      subjectName: n.subject.name,
      formName: n.form.name,
      status: n.status,
    })),
    frozen: frozen !== null,
    readOnlyReason,
    canEdit: readOnlyReason === null,
    parts,
    documents: ['request', 'list'],
  };
  return { view, plan, covered, issuer, canPropose, frozen, gov };
}

async function visibleRequest(ctx: Ctx, id: number) {
  const row = await q.findRequest(ctx.db, id);
  if (row === undefined) throw notFound('tờ trình');
  return requestState(ctx, row);
}

/**
 * Opens the tờ trình of a proposing unit for a plan's round (one per plan, round and unit; the
 * existing one when opened again). The actor needs `nomination.submit` over the unit
 * (FORBIDDEN); NOT_FOUND / FORBIDDEN for an unseen plan or unknown unit. Audited when created.
 */
export async function openDossierRequest(
  ctx: Ctx,
  planId: number,
  input: unknown,
): Promise<DossierRequest> {
  const data = parseInput(DossierRequestOpen, input, labels);
  await getVisiblePlan(ctx, ctx.db, planId);
  const unit = await getUnit(ctx.db, data.proposingUnitId);
  if (!can(ctx.actor, 'nomination.submit', unit.path)) throw forbidden(NO_EDIT);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const opened = await q.openRequest(
      trx,
      { planId, round: data.round, proposingUnitId: unit.id },
      by(ctx),
    );
    if (opened.created)
      await recordAudit(trx, ctx, {
        action: 'dossier.request_opened',
        entityType: 'dossier_request',
        entityId: opened.row.id,
        unitPath: unit.path,
        after: { planId, round: data.round, proposingUnitId: unit.id },
      });
    return opened.row;
  });
  return (await requestState(ctx, row)).view;
}

/**
 * A tờ trình: the nominations it covers (the unit's live nominations of the round), its parts
 * (saved or defaults: Kính gửi the parent level, the căn cứ, the plan), frozen once any of them
 * is submitted. Readable with `nomination.submit` or `nomination.review` over the unit
 * (NOT_FOUND otherwise).
 */
export async function getDossierRequest(ctx: Ctx, id: number): Promise<DossierRequest> {
  return (await visibleRequest(ctx, id)).view;
}

/**
 * Saves parts of a tờ trình: its proposer only (FORBIDDEN), only while none of its nominations
 * has been submitted (INVALID_STATE with the reason), each part at its current version
 * (CONFLICT). Audited.
 */
export async function saveRequestParts(
  ctx: Ctx,
  id: number,
  input: unknown,
): Promise<DossierRequest> {
  const data = parseInput(DossierPartsUpdate, input, labels);
  const s = await visibleRequest(ctx, id);
  if (!s.canPropose) throw forbidden(NO_EDIT);
  checkKeys(
    requestParts,
    data.parts.map((p) => p.key),
  );
  await ctx.db.transaction().execute(async (trx) => {
    // Lock the covered nominations, then check again: a submission in between freezes the text.
    const statuses: NominationStatus[] = [];
    for (const n of s.covered)
      statuses.push((await nominationForDossier(ctx, trx, n.id, true)).status);
    const frozen = requestFrozenReason(statuses);
    if (frozen !== null) throw new AppError('INVALID_STATE', frozen);
    await saveParts(trx, ctx, { requestId: id }, data.parts, {
      entityType: 'dossier_request',
      entityId: id,
      unitPath: s.issuer.unit.path,
    });
  });
  return getDossierRequest(ctx, id);
}

async function nomineesOf(ctx: Ctx, covered: Awaited<ReturnType<typeof requestState>>['covered']) {
  const out: Nominee[] = [];
  for (const n of covered) {
    const person = n.subject.kind === 'person' ? await findPerson(ctx.db, n.subject.id) : undefined;
    out.push({
      kind: n.subject.kind,
      name: n.subject.name,
      detail:
        person === undefined ? null : [person.position, person.unitName].filter(Boolean).join(', '),
      formName: n.form.name,
      achievement: n.achievement,
      periodFrom: n.periodFrom,
      periodTo: n.periodTo,
    });
  }
  return out;
}

/**
 * The tờ trình (Mẫu 01) or its list of nominees as .docx or .pdf. Once frozen, the first
 * download is stored and returned from then on (keyed by the number of submissions of the
 * covered nominations: a later nomination submitted with it makes a new version). NOT_FOUND when
 * unseen.
 */
export async function dossierRequestFile(
  ctx: Ctx,
  id: number,
  doc: Extract<DossierDocument, 'request' | 'list'>,
  format: Format,
): Promise<DossierFile> {
  const s = await visibleRequest(ctx, id);
  const sent = await submissions(
    ctx,
    s.covered.map((n) => n.id),
  );
  const frozen = s.frozen !== null && sent.count > 0;
  return renderOrStored(
    ctx,
    frozen
      ? { kind: doc === 'request' ? 'dossier_request' : 'dossier_list', id, version: sent.count }
      : null,
    format,
    `${doc === 'request' ? 'to-trinh' : 'danh-sach-de-nghi'}-${id}`,
    async () => {
      const facts = {
        issuer: s.issuer,
        date: sent.date,
        planTitle: s.plan.title,
        roundText: roundText(s.view.round, s.plan.title),
        nominees: await nomineesOf(ctx, s.covered),
        parts: textsOf(s.view.parts),
        signerAuthority: s.gov ? 'TM. ỦY BAN NHÂN DÂN' : null,
      };
      return {
        outline: doc === 'request' ? buildRequestOutline(facts) : buildListOutline(facts),
        date: sent.date,
      };
    },
  );
}
