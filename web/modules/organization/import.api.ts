import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';

export type ImportType = 'people' | 'units';

/** POST /api/imports (multipart: type, unitId, file) → 202 { jobId }. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ type, unitId, file }: { type: ImportType; unitId: string; file: File }) => {
      const form = new FormData();
      form.append('type', type);
      form.append('unitId', unitId);
      form.append('file', file, file.name);
      return api.upload<{ jobId: Id }>('/api/imports', form);
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
