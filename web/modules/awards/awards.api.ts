import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint } from '../../api/endpoint';
import {
  awardEndpoints as e,
  type NewAwardFormInput,
  type NewBaseSalaryInput,
  type NewRoundingInput,
  type VersionInput,
} from '../../../shared/api/awards';

// The response types are the contract's (shared/api/awards.ts).
export type {
  AwardCatalogue,
  AwardFormRow,
  AwardFormVersion,
  BaseSalaryRow,
  RoundingRow,
} from '../../../shared/api/awards';

/** The award catalogue as of a date (GET /api/award-catalogue); today when no date. */
export function useAwardCatalogue(date: string | undefined) {
  return useQuery({
    queryKey: ['award-catalogue', date ?? 'today'],
    queryFn: () => callEndpoint(e.catalogue, { query: { date } }),
    placeholderData: keepPreviousData,
  });
}

function useCatalogueMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['award-catalogue'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export const useAddAwardForm = () =>
  useCatalogueMutation((body: NewAwardFormInput) => callEndpoint(e.addForm, { body }));

export const useAddAwardFormVersion = () =>
  useCatalogueMutation(({ formId, body }: { formId: number; body: VersionInput }) =>
    callEndpoint(e.addVersion, { params: { id: formId }, body }),
  );

export const useAddBaseSalary = () =>
  useCatalogueMutation((body: NewBaseSalaryInput) => callEndpoint(e.addBaseSalary, { body }));

export const useSetRounding = () =>
  useCatalogueMutation((body: NewRoundingInput) => callEndpoint(e.setRounding, { body }));
