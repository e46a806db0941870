import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import type { ResponseOf } from '../../../shared/api/endpoint';
import {
  honourEndpoints as e,
  type DisciplineInput,
  type DisciplineUpdateInput,
  type NewHonourInput,
} from '../../../shared/api/honours';

// The response types are the contract's (shared/api/honours.ts).
export type {
  DisciplineRow,
  HonourHistory,
  HonourImportResult,
  HonourRow,
} from '../../../shared/api/honours';

export type HonourSubject = { kind: 'person' | 'unit'; id: string | number };

/** The award history of a person or a unit (GET …/honours). */
export function useHonours(subject: HonourSubject) {
  return useQuery({
    queryKey: ['honours', subject.kind, String(subject.id)],
    queryFn: () =>
      subject.kind === 'person'
        ? callEndpoint(e.personHonours, { params: { id: subject.id } })
        : callEndpoint(e.unitHonours, { params: { id: subject.id } }),
  });
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>, keys: string[][]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        [...keys, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export function useAddHonour() {
  return useInvalidating(
    (body: NewHonourInput) => callEndpoint(e.addHonour, { body }),
    [['honours']],
  );
}

export function useRemoveHonour() {
  return useInvalidating(
    ({ id, reason }: { id: number; reason: string }) =>
      callEndpoint(e.removeHonour, { params: { id }, body: { reason } }),
    [['honours']],
  );
}

/** The template's address (a download link). */
export const honourTemplateUrl = endpointUrl(e.importTemplate, {});

/** POST /api/honours/import (multipart: unitId, file) → the counts, or row errors. */
export function useImportHonours() {
  return useInvalidating(
    ({ unitId, file }: { unitId: string; file: File }) => {
      const form = new FormData();
      form.append('unitId', unitId);
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.importHonours>>(e.importHonours.path, form);
    },
    [['honours']],
  );
}

/** A person's discipline, investigation and complaint records. */
export function useDiscipline(personId: string | number, enabled: boolean) {
  return useQuery({
    queryKey: ['discipline', String(personId)],
    queryFn: () => callEndpoint(e.personDiscipline, { params: { id: personId } }),
    enabled,
  });
}

export function useAddDiscipline(personId: string | number) {
  return useInvalidating(
    (body: DisciplineInput) => callEndpoint(e.addDiscipline, { params: { id: personId }, body }),
    [['discipline']],
  );
}

export function useUpdateDiscipline() {
  return useInvalidating(
    ({ id, ...body }: DisciplineUpdateInput & { id: number }) =>
      callEndpoint(e.updateDiscipline, { params: { id }, body }),
    [['discipline']],
  );
}

export function useRemoveDiscipline() {
  return useInvalidating(
    ({ id, reason }: { id: number; reason: string }) =>
      callEndpoint(e.removeDiscipline, { params: { id }, body: { reason } }),
    [['discipline']],
  );
}
