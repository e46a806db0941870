import type { Band } from '../../../shared/criteria';

/**
 * When a registered person is eligible (đủ điều kiện): every item of their checklist is met, and
 * their unit's classification in the plan is one of the qualifying bands — by default the plan's
 * top band (the one with the highest threshold, "Xuất sắc" with the default bands).
 */

export type UnitBand = { unitId: number; unitName: string; bandKey: string; bandLabel: string };

/** The qualifying band keys: the top band unless a list is given. */
export function qualifyingBands(bands: readonly Band[], configured?: readonly string[]): string[] {
  if (configured !== undefined && configured.length > 0) return [...configured];
  const top = [...bands].sort((a, b) => b.minPercent - a.minPercent)[0];
  return top === undefined ? [] : [top.key];
}

export type Eligibility = { eligible: boolean; reasons: string[] };

export function individualEligibility(
  items: readonly { text: string; met: boolean | null }[],
  unitBand: UnitBand | null,
  qualifying: readonly string[],
  labelOf: (key: string) => string,
): Eligibility {
  const reasons: string[] = [];
  if (items.length === 0) reasons.push('Kế hoạch chưa có tiêu chí cá nhân để xét.');
  const open = items.filter((i) => i.met !== true);
  if (open.length > 0)
    reasons.push(
      `Còn ${open.length}/${items.length} tiêu chí chưa được xác nhận đạt: ${open
        .map((i) => `"${i.text}"`)
        .join('; ')}.`,
    );
  const wanted = qualifying.map(labelOf).join(', ');
  if (unitBand === null)
    reasons.push(`Đơn vị chưa có kết quả xếp loại trong kế hoạch (cần đạt mức ${wanted}).`);
  else if (!qualifying.includes(unitBand.bandKey))
    reasons.push(
      `Đơn vị ${unitBand.unitName} xếp loại ${unitBand.bandLabel}, chưa đạt mức ${wanted}.`,
    );
  return { eligible: reasons.length === 0, reasons };
}
