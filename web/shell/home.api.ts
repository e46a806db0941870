import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Id } from '../api/types';

/**
 * The home page's to-do list and upcoming deadlines (GET /api/me/todo,
 * server/modules/home/home.service.ts). `daysLeft` is counted by the server from its Vietnam date,
 * so the page never uses the browser's clock for it.
 */

/** A line to act on: a Vietnamese label and the app path that does it. */
type Linked = { label: string; link: string };

export type ReviewPlan = Linked & {
  planId: Id;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  count: number;
};

export type PendingCascade = Linked & {
  parentPlanId: Id;
  parentTitle: string;
  parentNumber: string | null;
  parentIssuerName: string;
  unitId: Id;
  unitName: string;
  childPlanId: Id | null;
  /** Vietnam date (YYYY-MM-DD); null when the parent set none. */
  deadline: string | null;
  daysLeft: number | null;
  overdue: boolean;
};

export type OpenPlan = Linked & {
  planId: Id;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  deadline: string | null;
  daysLeft: number | null;
  unitsNotRegistered: number;
};

export type DeadlineKind = 'registration' | 'assessment' | 'cascade';

export type UpcomingDeadline = Linked & {
  kind: DeadlineKind;
  planId: Id;
  title: string;
  documentNumber: string | null;
  issuerName: string;
  date: string;
  daysLeft: number;
};

export type MyTodo = {
  /** The server's Vietnam date. */
  today: string;
  horizonDays: number;
  total: number;
  todo: {
    reviews: { count: number; planCount: number; label: string; items: ReviewPlan[] };
    sheets: Linked & { count: number };
    cascade: { count: number; label: string; items: PendingCascade[] };
    registrations: { count: number; label: string; items: OpenPlan[] };
  };
  deadlines: UpcomingDeadline[];
};

export const myTodoKey = ['me', 'todo'] as const;

export function useMyTodo() {
  return useQuery({
    queryKey: myTodoKey,
    queryFn: () => api.get<MyTodo>('/api/me/todo'),
    // Whatever was done elsewhere shows as soon as the user comes back home.
    staleTime: 0,
  });
}
