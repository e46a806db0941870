import { readEntryQuotas, readPrizes, readQuotas, readRewards } from './awards';
import { readLegalBases } from './bases';
import { readClosing } from './closing';
import { buildDoc } from './document';
import { EvidenceLog } from './evidence';
import { readHeader } from './header';
import { readContents, readCriteria, readDossier, readParticipants } from './lists';
import { emptyPlan, type PlanReading } from './schema';
import { readTimeline } from './timeline';

export { PlanImportJson, type Evidence, type PlanReading } from './schema';

/**
 * Reads a Vietnamese campaign plan (kế hoạch phát động thi đua), contest rules or a related text
 * into a draft: every field that could be found, each with the excerpt it came from. Works on
 * accented text, text without accents and noisy OCR. Never invents: what is not in the text stays
 * null or []. Pure, synchronous and deterministic; never throws on odd input.
 */
export function readPlanText(text: string): PlanReading {
  const doc = buildDoc(text);
  const result = emptyPlan();
  const ev = new EvidenceLog(doc);
  readHeader(doc, result, ev);
  readLegalBases(doc, result, ev);
  readTimeline(doc, result, ev);
  readParticipants(doc, result, ev);
  readContents(doc, result, ev);
  readCriteria(doc, result, ev);
  readRewards(doc, result, ev);
  readQuotas(doc, result, ev);
  readDossier(doc, result, ev);
  readPrizes(doc, result, ev);
  readEntryQuotas(doc, result, ev);
  readClosing(doc, result, ev);
  return { result, evidence: ev.byField };
}
