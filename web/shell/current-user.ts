import { createContext, useContext } from 'react';
import type { Me } from '../api/types';
import type { Action } from '../../shared/permissions';

export const CurrentUserContext = createContext<Me | null>(null);

/** The signed-in user; only inside AuthGuard. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser() used outside AuthGuard');
  return me;
}

/** Whether the user may perform `action` somewhere (the server decides per unit). */
export function useCan(action: Action): boolean {
  return useCurrentUser().actions.includes(action);
}
