import { roleAllows } from '../../../shared/permissions';
import { useCurrentUser } from '../../shell/current-user';

/**
 * Units where the user may draft a plan: `campaign.draft` is held at the issuing unit itself (not
 * inherited from an ancestor), so only the grants' own units count. The server decides; this only picks what
 * to offer.
 */
export function useOfficerUnits(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const seen = new Set<string>();
  const out: { value: string; label: string }[] = [];
  for (const g of me.grants) {
    if (!roleAllows(g.role, 'campaign.draft') || g.unitId === null) continue;
    const value = String(g.unitId);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ value, label: g.unitName ?? `Đơn vị #${value}` });
  }
  return out;
}
