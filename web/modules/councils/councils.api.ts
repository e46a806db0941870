import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callEndpoint, endpointKey, endpointUrl } from '../../api/endpoint';
import {
  councilEndpoints as e,
  type AttendanceInput,
  type CouncilMembersInput,
  type NewCouncilInput,
  type NewMeetingInput,
  type PaperTallyInput,
} from '../../../shared/api/councils';
import type { BallotChoice, MinutesKind } from '../../../shared/councils';

// The response types are the contract's (shared/api/councils.ts).
export type {
  AgendaCandidates,
  CouncilDetail,
  CouncilList,
  MeetingDetail,
} from '../../../shared/api/councils';

export const useCouncils = () =>
  useQuery({
    queryKey: endpointKey(e.listCouncils),
    queryFn: () => callEndpoint(e.listCouncils, { query: {} }),
  });

export const useCouncil = (id: number) =>
  useQuery({
    queryKey: endpointKey(e.getCouncil, { params: { id } }),
    queryFn: () => callEndpoint(e.getCouncil, { params: { id } }),
  });

/** The meeting, refreshed every 5 s while open (the quorum and ballots cast move live). */
export const useMeeting = (id: number) =>
  useQuery({
    queryKey: endpointKey(e.getMeeting, { params: { id } }),
    queryFn: () => callEndpoint(e.getMeeting, { params: { id } }),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 5000 : false),
  });

export const useAgendaCandidates = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: endpointKey(e.agendaCandidates, { params: { id } }),
    queryFn: () => callEndpoint(e.agendaCandidates, { params: { id } }),
    enabled,
  });

/** A mutation that refreshes every council query afterwards. */
function useCouncilMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: endpointKey(e.listCouncils) }),
        queryClient.invalidateQueries({ queryKey: endpointKey(e.getCouncil) }),
        queryClient.invalidateQueries({ queryKey: endpointKey(e.getMeeting) }),
        queryClient.invalidateQueries({ queryKey: endpointKey(e.agendaCandidates) }),
      ]),
  });
}

export const useCreateCouncil = () =>
  useCouncilMutation((body: NewCouncilInput) => callEndpoint(e.createCouncil, { body }));

export const useUpdateMembers = (id: number) =>
  useCouncilMutation((body: CouncilMembersInput) =>
    callEndpoint(e.updateMembers, { params: { id }, body }),
  );

export const useScheduleMeeting = (id: number) =>
  useCouncilMutation((body: NewMeetingInput) =>
    callEndpoint(e.scheduleMeeting, { params: { id }, body }),
  );

export const useRecordAttendance = (id: number) =>
  useCouncilMutation((body: AttendanceInput) =>
    callEndpoint(e.recordAttendance, { params: { id }, body }),
  );

export const useAddNominations = (id: number) =>
  useCouncilMutation((nominationIds: number[]) =>
    callEndpoint(e.addNominations, { params: { id }, body: { nominationIds } }),
  );

export const useOpenMeeting = (id: number) =>
  useCouncilMutation(() => callEndpoint(e.openMeeting, { params: { id } }));

export const useCloseMeeting = (id: number) =>
  useCouncilMutation(() => callEndpoint(e.closeMeeting, { params: { id } }));

export const useEnterTally = () =>
  useCouncilMutation(({ itemId, body }: { itemId: number; body: PaperTallyInput }) =>
    callEndpoint(e.enterTally, { params: { id: itemId }, body }),
  );

export const useCastVote = () =>
  useCouncilMutation(({ itemId, choice }: { itemId: number; choice: BallotChoice }) =>
    callEndpoint(e.castVote, { params: { id: itemId }, body: { choice } }),
  );

export const minutesUrl = (id: number, kind: MinutesKind) =>
  endpointUrl(e.minutesDocx, { params: { id }, query: { kind } });
