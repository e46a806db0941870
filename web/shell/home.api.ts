import { useQuery } from '@tanstack/react-query';
import { callEndpoint } from '../api/endpoint';
import { homeEndpoints } from '../../shared/api/home';

/**
 * The home page's to-do list and upcoming deadlines (GET /api/me/todo; the types are the
 * contract's, shared/api/home.ts). `daysLeft` is counted by the server from its Vietnam date, so
 * the page never uses the browser's clock for it.
 */

export type {
  DeadlineKind,
  MyTodo,
  OpenPlan,
  PendingCascade,
  ReviewPlan,
  UpcomingDeadline,
} from '../../shared/api/home';

export const myTodoKey = ['me', 'todo'] as const;

export function useMyTodo() {
  return useQuery({
    queryKey: myTodoKey,
    queryFn: () => callEndpoint(homeEndpoints.todo),
    // Whatever was done elsewhere shows as soon as the user comes back home.
    staleTime: 0,
  });
}
