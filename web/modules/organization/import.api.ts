import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf } from '../../../shared/api/endpoint';
import { organizationEndpoints as e, type ImportType } from '../../../shared/api/organization';

export type { ImportType } from '../../../shared/api/organization';

/** POST /api/imports (multipart: type, unitId, file) → 202 { jobId }. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ type, unitId, file }: { type: ImportType; unitId: string; file: File }) => {
      const form = new FormData();
      form.append('type', type);
      form.append('unitId', unitId);
      form.append('file', file, file.name);
      return api.upload<ResponseOf<typeof e.startImport>>(e.startImport.path, form);
    },
  });
}

/** After a successful import every org view may be stale. */
export function useInvalidateAfterImport() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['units'] }),
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}
