import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Account, AuditEntry, Page } from '../../api/types';

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
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', filter),
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
