import type { CampaignMode } from '../../../shared/campaign';
import type { DossierDocument, ReportVariant } from '../../../shared/dossiers';
import { nominationStatusLabels, type NominationStatus } from '../../../shared/nominations';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import { foldVietnamese } from '../../platform/text';

/** A nomination's dossier may be edited while it is a draft or returned for revision. */
export const EDITABLE_STATUSES: readonly NominationStatus[] = ['draft', 'returned'];

/**
 * Why a nomination's dossier parts are frozen (in Vietnamese), or null while they may be edited
 * (draft, returned). Submitted and every later state — including withdrawn and rejected — freeze
 * them: what was sent is what the documents keep.
 */
export function frozenReason(status: NominationStatus): string | null {
  if (EDITABLE_STATUSES.includes(status)) return null;
  return `Đề nghị đã ở trạng thái "${nominationStatusLabels[status]}": nội dung hồ sơ đã chốt khi gửi, không sửa được nữa.`;
}

/** Why a tờ trình is frozen: one of the nominations it covers has been sent. */
export function requestFrozenReason(statuses: readonly NominationStatus[]): string | null {
  return statuses.some((s) => !EDITABLE_STATUSES.includes(s))
    ? 'Tờ trình đã được gửi cùng đề nghị khen thưởng: nội dung đã chốt, không sửa được nữa.'
    : null;
}

/** Statuses a tờ trình no longer covers. */
export const DEAD_STATUSES: readonly NominationStatus[] = ['withdrawn', 'rejected'];

/** The report's variant: thematic for a thematic campaign's plan, else by subject. */
export function reportVariant(
  mode: CampaignMode | null,
  subject: 'person' | 'unit',
): ReportVariant {
  if (mode === 'thematic') return 'thematic';
  return subject === 'person' ? 'individual' : 'collective';
}

export const isGovernment = (kind: UnitKind) => governmentKinds.includes(kind);

/**
 * The issuer symbol on a unit's documents: "UBND" for a level of government, else the initials
 * of its name without diacritics ("Bộ phận một cửa" → "BPMC").
 */
export function issuerSymbol(kind: UnitKind, name: string): string {
  if (isGovernment(kind)) return 'UBND';
  const initials = foldVietnamese(name)
    .split(/[^a-z0-9]+/u)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
  return initials === '' ? 'DV' : initials.slice(0, 8);
}

/**
 * The generated document a plan's dossier checklist item names, or null: "tờ trình" → the tờ
 * trình, "báo cáo (…) thành tích" → the report of achievements, "danh sách" → the list of
 * nominees; compared without diacritics and tolerating a misread vowel in "báo cáo" (plans are OCR'd), in that order (a "Tờ trình kèm danh
 * sách" is the tờ trình). "Biên bản họp xét" is the councils module's, not a dossier document.
 */
export function dossierDocumentOfItem(item: string): DossierDocument | null {
  const folded = foldVietnamese(item);
  if (/\bto trinh\b/u.test(folded)) return 'request';
  // OCR'd plans misread a vowel ("B4o c4o thành tích", seed 003).
  if (/\bb[a-z0-9]o c[a-z0-9]o\b.*\bthanh tich\b/u.test(folded)) return 'report';
  if (/\bdanh sach\b/u.test(folded)) return 'list';
  return null;
}
