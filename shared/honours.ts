/**
 * Award history and discipline records as both sides see them (decision 036): where an award
 * record came from, and the kinds of discipline, investigation and complaint records that may
 * block an award (Decree 152/2025 Art. 4(4)).
 */

export const HonourSource = { import: 'import', manual: 'manual', decision: 'decision' } as const;
export type HonourSource = (typeof HonourSource)[keyof typeof HonourSource];
export const honourSources = Object.values(HonourSource) as [HonourSource, ...HonourSource[]];
export const honourSourceLabels: Record<HonourSource, string> = {
  import: 'Nhập từ Excel',
  manual: 'Nhập tay',
  decision: 'Quyết định trên hệ thống',
};

export const DisciplineKind = {
  discipline: 'discipline',
  investigation: 'investigation',
  inspection: 'inspection',
  complaint: 'complaint',
} as const;
export type DisciplineKind = (typeof DisciplineKind)[keyof typeof DisciplineKind];
export const disciplineKinds = Object.values(DisciplineKind) as [
  DisciplineKind,
  ...DisciplineKind[],
];
export const disciplineKindLabels: Record<DisciplineKind, string> = {
  discipline: 'Kỷ luật',
  investigation: 'Đang bị điều tra',
  inspection: 'Đang bị thanh tra, kiểm tra',
  complaint: 'Khiếu nại, tố cáo đang xem xét',
};
