import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestBlob } from '../../api/client';
import { callEndpoint } from '../../api/endpoint';
import {
  certificateEndpoints as e,
  type NewTemplateInput,
  type PreviewRequestInput,
  type TemplateUpdateInput,
} from '../../../shared/api/certificates';

// The response types are the contract's (shared/api/certificates.ts).
export type { CertificateTemplate, TemplateList } from '../../../shared/api/certificates';

/** The certificate templates the caller manages (GET /api/certificate-templates). */
export function useCertificateTemplates() {
  return useQuery({
    queryKey: ['certificate-templates'],
    queryFn: () => callEndpoint(e.list, { query: {} }),
  });
}

function useTemplateMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['certificate-templates'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export const useCreateTemplate = () =>
  useTemplateMutation((body: NewTemplateInput) => callEndpoint(e.create, { body }));

export const useUpdateTemplate = () =>
  useTemplateMutation(({ id, body }: { id: number; body: TemplateUpdateInput }) =>
    callEndpoint(e.update, { params: { id }, body }),
  );

export const useDeleteTemplate = () =>
  useTemplateMutation((id: number) => callEndpoint(e.remove, { params: { id } }));

/** A sample certificate PDF for a layout being edited (POST …/preview.pdf), as a Blob. */
export function useCertificatePreview(layout: PreviewRequestInput) {
  return useQuery({
    queryKey: ['certificate-preview', layout],
    queryFn: () => requestBlob(e.previewLayout.method, e.previewLayout.path, layout),
    staleTime: Infinity,
  });
}
