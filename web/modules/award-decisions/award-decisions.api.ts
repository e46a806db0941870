import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, endpointKey, endpointUrl } from '../../api/endpoint';
import {
  awardDecisionEndpoints as e,
  type DecisionAddRowsInput,
  type DecisionCreateInput,
  type DecisionFromNominationsInput,
  type DecisionIssueInput,
  type DecisionReplaceInput,
  type DecisionUpdateInput,
} from '../../../shared/api/award-decisions';

// The response types are the contract's (shared/api/award-decisions.ts).
export type {
  AwardDecision,
  DecisionRow,
  DecisionSummary,
} from '../../../shared/api/award-decisions';

export const useDecisions = () =>
  useQuery({
    queryKey: endpointKey(e.list, { query: {} }),
    queryFn: () => callEndpoint(e.list, { query: {} }),
  });

export const useDecision = (id: number) =>
  useQuery({
    queryKey: endpointKey(e.get, { params: { id } }),
    queryFn: () => callEndpoint(e.get, { params: { id } }),
  });

/** A mutation that refreshes the list and the decisions afterwards. */
function useDecisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: endpointKey(e.list) }),
        queryClient.invalidateQueries({ queryKey: endpointKey(e.get) }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export const useCreateDecision = () =>
  useDecisionMutation((body: DecisionCreateInput) => callEndpoint(e.create, { body }));

export const useUpdateDecision = (id: number) =>
  useDecisionMutation((body: DecisionUpdateInput) =>
    callEndpoint(e.update, { params: { id }, body }),
  );

export const useAddRows = (id: number) =>
  useDecisionMutation((body: DecisionAddRowsInput) =>
    callEndpoint(e.addRows, { params: { id }, body }),
  );

export const useRemoveRows = (id: number) =>
  useDecisionMutation((body: { version: number; rowIds: number[] }) =>
    callEndpoint(e.removeRows, { params: { id }, body }),
  );

export const useFromNominations = (id: number) =>
  useDecisionMutation((body: DecisionFromNominationsInput) =>
    callEndpoint(e.fromNominations, { params: { id }, body }),
  );

export const useIssueDecision = (id: number) =>
  useDecisionMutation((body: DecisionIssueInput) =>
    callEndpoint(e.issue, { params: { id }, body }),
  );

export const useReplaceDecision = (id: number) =>
  useDecisionMutation((body: DecisionReplaceInput) =>
    callEndpoint(e.replace, { params: { id }, body }),
  );

export const useDeleteDecision = () =>
  useDecisionMutation(({ id, version }: { id: number; version: number }) =>
    callEndpoint(e.remove, { params: { id }, query: { version } }),
  );

/** Download addresses of a decision's files. */
export const decisionFileUrls = (id: number) => ({
  docx: endpointUrl(e.docx, { params: { id } }),
  pdf: endpointUrl(e.pdf, { params: { id } }),
  certificates: (templateId?: number) =>
    endpointUrl(e.certificates, { params: { id }, query: { templateId } }),
  paymentList: endpointUrl(e.paymentList, { params: { id } }),
});
