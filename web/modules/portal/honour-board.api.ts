import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callEndpoint, endpointUrl } from '../../api/endpoint';
import { honourBoardEndpoints as e } from '../../../shared/api/honour-board';

/** The public honour board (GET /api/public/honour-board…, no login; decision 047). */

export type { HonourBoardAwardee, HonourBoardDecision } from '../../../shared/api/honour-board';

export type HonourBoardFilter = {
  search?: string;
  year?: number;
  /** Issuing unit id; the board keeps that unit's decisions and its subtree's. */
  unitId?: string;
  /** A plan's exemplary people: the awardees of its decisions. */
  planId?: number;
  page: number;
  pageSize: number;
};

const noLoginRedirect = { redirectOn401: false } as const;

export function useHonourBoard(filter: HonourBoardFilter, enabled = true) {
  return useQuery({
    queryKey: ['honour-board', filter],
    queryFn: () => callEndpoint(e.list, { query: filter, ...noLoginRedirect }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The issued decision's PDF, as stored. */
export function honourDecisionPdfUrl(id: number): string {
  return endpointUrl(e.pdf, { params: { id } });
}
