import type { PlanOutline, PlanOutlineBlock } from '../../../shared/plan-outline';

/**
 * Any official document the system writes in the Decree 30/2020 layout, as plain data: the plan's
 * outline (header, type heading, trích yếu, body, Nơi nhận, signer) extended with the blocks
 * other documents need — a bordered table (lists of nominees, award history) and a centred line
 * ("Kính gửi: …", "(Kèm theo Tờ trình số …)") — and a landscape page for wide tables. The .docx
 * and .pdf renderers (`renderOutlineDocx`, `renderOutlinePdf`) lay out either; a plan's outline
 * is one of these.
 */

/** A bordered table; `width` is each column's share of the text width (any unit, summed). */
export type OutlineTable = {
  type: 'table';
  columns: { title: string; width: number }[];
  /** Cells as printed; a row with fewer cells leaves the rest blank. */
  rows: string[][];
};

/** A centred line (optionally bold or italic) in the body. */
export type OutlineCentred = { type: 'centred'; text: string; bold?: boolean; italics?: boolean };

export type OfficialBlock = PlanOutlineBlock | OutlineTable | OutlineCentred;

export type OfficialOutline = Omit<PlanOutline, 'blocks'> & {
  blocks: OfficialBlock[];
  /** A landscape page (wide tables); portrait when absent. */
  landscape?: boolean;
};
