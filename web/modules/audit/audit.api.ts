import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint } from '../../api/endpoint';
import type { Account, Page } from '../../api/types';
import { auditEndpoints } from '../../../shared/api/audit';

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => callEndpoint(auditEndpoints.list, { query: filter }),
    placeholderData: keepPreviousData,
  });
}

/** Actor picker options; only administrators can list accounts. */
export function useActorOptions(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ['accounts', 'actor-options', search],
    queryFn: () =>
      api.get<Page<Account>>('/api/accounts', { search: search || undefined, page: 1 }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
