import { unitsAllowing } from '../../../shared/permissions';
import { useCurrentUser } from '../../shell/current-user';

/**
 * Units where the user may draft a plan: `campaign.draft` is held at the issuing unit itself (not
 * inherited from an ancestor, campaigns.policy's canDraftPlanAt), so only the grants' own units
 * count (shared/permissions.ts's unitsAllowing). The server decides; this only picks what to offer.
 */
export function useOfficerUnits(): { value: string; label: string }[] {
  const me = useCurrentUser();
  return unitsAllowing(me.grants, 'campaign.draft').units.map((u) => ({
    value: u.id,
    label: u.name,
  }));
}
