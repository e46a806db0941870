/**
 * Dossier documents (hồ sơ đề nghị khen thưởng, decision 045): what each document is and which
 * free-text parts the proposer writes in it. Both sides read these (labels, order).
 */

/** The documents of a dossier: a nomination's report, a tờ trình and its list of nominees. */
export const dossierDocuments = ['report', 'request', 'list'] as const;
export type DossierDocument = (typeof dossierDocuments)[number];
export const dossierDocumentLabels: Record<DossierDocument, string> = {
  report: 'Báo cáo thành tích',
  request: 'Tờ trình',
  list: 'Danh sách đề nghị khen thưởng',
};

/**
 * The report's variant: an individual's (Mẫu 05 of Decree 152), a collective's, or a thematic
 * campaign's (theo chuyên đề; the plan is a thematic campaign), for a person or a collective.
 */
export const reportVariants = ['individual', 'collective', 'thematic'] as const;
export type ReportVariant = (typeof reportVariants)[number];
export const reportVariantLabels: Record<ReportVariant, string> = {
  individual: 'Báo cáo thành tích cá nhân (Mẫu 05)',
  collective: 'Báo cáo thành tích tập thể',
  thematic: 'Báo cáo thành tích theo chuyên đề',
};

/** A part the proposer writes; `lines`: one item a line (căn cứ, nơi nhận). */
export type DossierPartSpec = { key: string; label: string; lines?: boolean };

const achievements = { key: 'achievements', label: 'Thành tích đạt được' };
const measures = { key: 'measures', label: 'Biện pháp, giải pháp công tác đã áp dụng' };

/** The parts of a report, by variant and subject, in the order the document prints them. */
export function reportParts(variant: ReportVariant, subject: 'person' | 'unit'): DossierPartSpec[] {
  const intro =
    subject === 'person'
      ? { key: 'duties', label: 'Chức năng, nhiệm vụ được giao' }
      : { key: 'situation', label: 'Đặc điểm, tình hình' };
  const initiatives = { key: 'initiatives', label: 'Sáng kiến, đề tài, giải pháp (nếu có)' };
  if (variant === 'individual') return [intro, achievements, measures, initiatives];
  if (variant === 'collective') return [intro, achievements, measures];
  return [intro, achievements, measures];
}

/** The parts of a tờ trình (Mẫu 01 of Decree 152). */
export const requestParts: DossierPartSpec[] = [
  { key: 'addressee', label: 'Kính gửi' },
  { key: 'legalBases', label: 'Căn cứ (mỗi dòng một căn cứ)', lines: true },
  { key: 'summary', label: 'Tóm tắt thành tích, kết quả bình xét' },
  { key: 'proposal', label: 'Đề nghị' },
  { key: 'recipients', label: 'Nơi nhận (mỗi dòng một nơi)', lines: true },
  { key: 'signerTitle', label: 'Chức vụ người ký' },
  { key: 'signerName', label: 'Họ và tên người ký' },
];

/** Longest text of one part. */
export const DOSSIER_PART_MAX = 20_000;
