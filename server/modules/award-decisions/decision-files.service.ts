import type { Ctx } from '../../platform/context';
import { fileName } from '../../platform/file-name';
import type { UnitKind } from '../../../shared/org';
import { findGenerated, storeGenerated } from '../documents/index';
import { issuingBodyName, placeOf } from '../campaigns/index';
import * as q from './award-decisions.queries';
import type { DecisionDocumentInput } from './decision-document';
import { renderDecisionDocx } from './decision-docx';
import { renderDecisionPdf } from './decision-pdf';
import { visibleDecision } from './award-decisions.service';

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The document input of a decision: its header, the replaced one's reference, the annex rows. */
async function documentInput(ctx: Ctx, d: q.DecisionRecord): Promise<DecisionDocumentInput> {
  const [rows, old] = await Promise.all([
    q.listRows(ctx.db, d.id),
    d.replacesId === null ? undefined : q.findDecision(ctx.db, d.replacesId),
  ]);
  return {
    parentBody: null,
    issuingBody: issuingBodyName(d.unitKind as UnitKind, d.unitName),
    decider: d.decider,
    documentNumber: d.documentNumber,
    place: placeOf(d.unitName),
    decisionDate: d.decisionDate,
    draft: d.status === 'draft',
    title: d.title,
    legalBases: d.legalBases,
    fundingSource: d.fundingSource,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    replaces:
      old === undefined || d.replaceKind === null
        ? null
        : {
            kind: d.replaceKind,
            documentNumber: old.documentNumber ?? '',
            decisionDate: old.decisionDate,
            title: old.title,
            reason: d.reason ?? '',
          },
    rows: rows.map((r) => ({
      kind: r.personId === null ? ('unit' as const) : ('person' as const),
      name: r.name,
      positionText: r.positionText,
      achievement: r.achievement,
      formName: r.formName,
      amount: r.amount,
    })),
  };
}

/**
 * The decision with its annex as .docx or .pdf, for anyone who sees the decision (NOT_FOUND
 * otherwise). A draft is rendered on each download, marked DỰ THẢO; an issued decision is
 * rendered once and its stored bytes returned afterwards (byte-identical re-downloads).
 */
export async function decisionDocument(ctx: Ctx, id: number, format: 'docx' | 'pdf') {
  return documentOf(ctx, await visibleDecision(ctx, ctx.db, id), format);
}

/** The document of a decision already checked visible: rendered (draft) or stored (issued). */
export async function documentOf(ctx: Ctx, d: q.DecisionRecord, format: 'docx' | 'pdf') {
  const name = fileName([`Quyết định ${d.documentNumber ?? 'dự thảo'}`, d.unitName], format);
  const render = async () => {
    const input = await documentInput(ctx, d);
    return format === 'docx' ? renderDecisionDocx(input) : renderDecisionPdf(input);
  };
  if (d.status === 'draft')
    return { data: await render(), fileName: name, contentType: contentTypes[format] };
  // Issued (or later cancelled): the text never changes after issue; the key is the decision.
  const key = { kind: 'award_decision' as const, id: d.id, version: 1, format };
  let data = await findGenerated(ctx, key);
  if (data === undefined) {
    data = await render();
    await storeGenerated(ctx, key, { data, name, contentType: contentTypes[format] });
  }
  return { data, fileName: name, contentType: contentTypes[format] };
}
