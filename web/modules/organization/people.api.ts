import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { PersonCategory } from '../../../shared/org';
import {
  organizationEndpoints as e,
  type CreatePersonInput,
  type MovePersonInput,
  type UpdatePersonInput,
} from '../../../shared/api/organization';

// The response types are the contract's (shared/api/organization.ts).
export type { Assignment, Person, PersonDetail } from '../../../shared/api/organization';

/** The person's change history (a page of audit entries), for the history tab. */
export function personHistoryUrl(id: Id): string {
  return endpointUrl(e.personHistory, { params: { id } });
}

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
    queryFn: () =>
      callEndpoint(e.listPeople, {
        query: {
          ...filter,
          active: filter.active === undefined ? undefined : filter.active ? 'true' : 'false',
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => callEndpoint(e.person, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** The person form's own fields (the unit is chosen elsewhere). */
export type PersonInput = Omit<CreatePersonInput, 'unitId' | 'startedOn'>;

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
    mutationFn: (body: CreatePersonInput) => callEndpoint(e.createPerson, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & UpdatePersonInput) =>
      callEndpoint(e.updatePerson, { params: { id }, body }),
    onSettled: invalidate,
  });
}

export function useMovePerson() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: Id } & MovePersonInput) =>
      callEndpoint(e.movePerson, { params: { id }, body }),
    onSettled: invalidate,
  });
}
