import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import { quotaEndpoints as e, type QuotaWhatIfInput } from '../../../shared/api/quotas';

export type { QuotaWhatIfResult } from '../../../shared/api/quotas';

/** Who a quota would put in or out (POST /api/plans/:id/quota-what-if); nothing is saved. */
export function useQuotaWhatIf(planId: number, input: QuotaWhatIfInput) {
  return useQuery({
    queryKey: ['quota-what-if', planId, input],
    queryFn: () => callEndpoint(e.whatIf, { params: { id: planId }, body: input }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
