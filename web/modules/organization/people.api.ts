import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page, Person, PersonDetail } from '../../api/types';
import type { Gender, PersonCategory } from '../../../shared/org';

export type PeopleFilter = {
  search?: string;
  unitId?: string;
  category?: PersonCategory;
  active?: boolean;
  page: number;
  pageSize: number;
};

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: ['people', 'list', filter],
    queryFn: () => api.get<Page<Person>>('/api/people', filter),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => api.get<PersonDetail>(`/api/people/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export type PersonInput = {
  fullName: string;
  gender?: Gender | null;
  birthYear?: number | null;
  category: PersonCategory;
  position?: string | null;
  email?: string | null;
  phone?: string | null;
};

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['units'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (body: PersonInput & { unitId: Id }) => api.post<Person>('/api/people', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: Partial<PersonInput> & { id: Id; version: number; active?: boolean }) =>
      api.patch<Person>(`/api/people/${encodeURIComponent(String(id))}`, body),
    onSettled: invalidate,
  });
}

export function useMovePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: Id;
      version: number;
      unitId: Id;
      position?: string | null;
      effectiveDate: string;
    }) => api.post<Person>(`/api/people/${encodeURIComponent(String(id))}/move`, body),
    onSettled: invalidate,
  });
}
