import {
  renderDecisionDocx,
  type DecisionDocumentInput,
} from '../server/modules/award-decisions/index';
import { rng } from '../server/demo/names';

/**
 * An award decision with a 1,000-row annex as .docx (issue 12, `commendation` bench): the pure
 * renderer (outline, docx package, normalised zip), no database. Target ≤ 3,000 ms. Returns the
 * figures of the run (the median of three).
 */
export async function benchDecisionDocx(
  annexRows = 1000,
): Promise<{ annexRows: number; decisionDocxMs: number }> {
  const next = rng(42);
  const input: DecisionDocumentInput = {
    parentBody: null,
    issuingBody: 'ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG',
    decider: 'chairman',
    documentNumber: '1234/QĐ-CT',
    place: 'Hải Dương',
    decisionDate: '2025-12-20',
    draft: false,
    title: 'Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích năm 2025',
    legalBases: [],
    fundingSource: 'Quỹ thi đua, khen thưởng của tỉnh',
    signerName: 'Nguyễn Văn An',
    signerTitle: 'Chủ tịch',
    replaces: null,
    rows: Array.from({ length: annexRows }, (_, i) => ({
      kind: i % 10 === 0 ? ('unit' as const) : ('person' as const),
      name: i % 10 === 0 ? `Phòng Nội vụ số ${i}` : `Nguyễn Thị Cán Bộ ${i}`,
      positionText: `Chuyên viên, Ủy ban nhân dân xã số ${Math.floor(next() * 200)}`,
      achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
      formName: 'Giấy khen',
      amount: i % 10 === 0 ? 1_410_000 : 710_000,
    })),
  };
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const start = performance.now();
    await renderDecisionDocx(input);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { annexRows, decisionDocxMs: Math.round(runs[1] ?? runs[0] ?? 0) };
}
