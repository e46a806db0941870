import { useCurrentUser } from '../../shell/current-user';

/**
 * Units where the user holds the emulation-officer role itself: drafting a plan needs that grant
 * at the issuing unit (not inherited from an ancestor). The server decides; this only picks what
 * to offer.
 */
export function useOfficerUnits(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const g of me.grants) {
    if (g.role !== 'emulation_officer' || g.unitId === null) continue;
    const value = String(g.unitId);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ value, label: g.unitName ?? `Đơn vị #${value}` });
  }
  return out;
}
