import { findCriteriaVersion, loadCriteriaTree } from '../criteria/index';
import { z } from 'zod';
import { Band, defaultBands } from '../../../shared/criteria';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import type { Ctx } from '../../platform/context';
import { issuingBodyName, placeOf } from '../campaigns/index';
import { sideBySide } from './appraisal.compare';
import { listEvidence, loadSheet, sheetStatusLabels } from '../assessment/index';
import { exportContext } from './sheet-export.queries';
import { buildSheetExport, exportFileBase, type SheetExport } from './sheet-export.model';
import { renderSheetXlsx } from './sheet-xlsx';
import { renderSheetDocx, type SheetParties } from './sheet-docx';
import { fileName } from '../../platform/file-name';

/**
 * Print / export of a score sheet (phiếu chấm điểm): the unit's self-assessment table it signs
 * and sends with its report, or — once appraised — the appraisal team's table of appraised
 * scores. The data is exactly the side-by-side view (`sideBySide`), read in one snapshot.
 */

const Bands = z.array(Band).min(1);

/** The latest moment the sheet's data changed: fixes the .docx package dates. */
function dataDate(
  view: Awaited<ReturnType<typeof sideBySide>>,
  submittedAt: Date | null,
  issuedOn: string | null,
) {
  const stamps = [
    submittedAt,
    view.appraisedAt,
    view.explanation.requestedAt,
    view.explanation.explainedAt,
    ...view.leaves.flatMap((l) =>
      [l.self, l.appraisal1, l.appraisal2, l.survey, l.explanation].map((c) => c?.scoredAt),
    ),
  ]
    .filter((d): d is Date => d instanceof Date)
    .map((d) => d.getTime());
  if (stamps.length > 0) return new Date(Math.max(...stamps));
  return new Date(`${issuedOn ?? '2000-01-01'}T00:00:00Z`);
}

/** Everything one export needs, read in one repeatable-read snapshot. */
async function gather(ctx: Ctx, sheetId: number) {
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // sideBySide first: NOT_FOUND for whoever may not see the sheet.
      const view = await sideBySide(ctx, sheetId, trx);
      const sheet = await loadSheet(ctx, trx, sheetId);
      const tree = await loadCriteriaTree(trx, sheet.criteriaVersionId);
      const evidence = new Map<string, string[]>();
      for (const f of await listEvidence(trx, sheetId))
        evidence.set(f.nodeId, [...(evidence.get(f.nodeId) ?? []), f.fileName]);
      const c = await exportContext(trx, sheetId);
      const criteria = await findCriteriaVersion(trx, sheet.criteriaVersionId);
      if (criteria === undefined)
        throw new Error(`criteria version ${sheet.criteriaVersionId} vanished during the export`);
      const bands = Bands.safeParse(c.bands);
      const model: SheetExport = buildSheetExport({
        view,
        tree,
        evidence,
        planNumber: c.planNumber,
        planTitle: sheet.planTitle,
        unitName: c.unitOwnName,
        unitPlace: c.unitPlace,
        // The shipped example's name is a placeholder ("… tỉnh thay thế …"): a signed sheet is
        // titled by its plan and unit, and names only a unit's own criteria set.
        criteriaName: criteria.isExample
          ? null
          : `${criteria.setName} — phiên bản ${criteria.number}`,
        statusLabel: sheetStatusLabels[sheet.status],
        bands: bands.success ? bands.data : defaultBands,
        rank: c.resultsPublished ? c.rank : null,
        exportedAt: ctx.now(),
      });
      const isGov = (k: UnitKind | null) => k !== null && governmentKinds.includes(k);
      const parties: SheetParties = {
        unitBody: issuingBodyName(c.unitKind, c.unitOwnName),
        unitParentBody:
          c.parentName === null
            ? null
            : (isGov(c.parentKind) ? `UBND ${c.parentName}` : c.parentName).toLocaleUpperCase('vi'),
        issuerBody: issuingBodyName(c.issuerKind, c.issuerName),
        unitPlace: placeOf(c.unitPlace.at(-1) ?? c.issuerName),
        issuerPlace: placeOf(c.issuerName),
      };
      return {
        model,
        parties,
        date: dataDate(view, sheet.submittedAt, c.issuedOn),
      };
    });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The score sheet as an .xlsx: title rows, the tree with every existing stage's points,
 * totals, percentages and the band. For whoever may see the sheet; NOT_FOUND otherwise.
 * Byte-identical for the same data and export time.
 */
export async function exportSheetXlsx(ctx: Ctx, sheetId: number) {
  const { model } = await gather(ctx, sheetId);
  const data = await renderSheetXlsx(model, ctx.now());
  return { data, fileName: fileName([exportFileBase(model)], 'xlsx') };
}

/**
 * The score sheet as a Word document to sign: the self-assessment table (unit's columns only)
 * until the appraisal is closed, then the appraisal summary with every stage. For whoever may
 * see the sheet; NOT_FOUND otherwise. Byte-identical for the same data, whenever exported.
 */
export async function exportSheetDocx(ctx: Ctx, sheetId: number) {
  const { model, parties, date } = await gather(ctx, sheetId);
  const data = await renderSheetDocx(model, parties, date);
  return { data, fileName: fileName([exportFileBase(model)], 'docx') };
}
