import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@yiwang/contracts';
import { useNavigate } from 'react-router';
import { fetchMe, signOut } from '../api/auth.ts';

export const meKey = ['me'] as const;

/** The signed-in person and their sign-in step, or null; one query shared by every screen. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** Signed in with every step done. */
export function isSignedIn(me: Me | null | undefined): me is Me {
  return me?.stage === 'complete';
}

export function hasRole(me: Me | null | undefined, role: string): boolean {
  return Boolean(me?.memberships.some((m) => m.roleCode === role));
}

/** Where a person's own pages live: staff in the workbench, everyone else on the portal. */
export const accountPath = (me: Me) => (me.kind === 'staff' ? '/workbench/account' : '/account');

/** Forgets everything cached for the person, so the next one starts clean. */
export function useForgetSession() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey.length > 1 || q.queryKey[0] !== meKey[0] });
    queryClient.setQueryData(meKey, null);
  };
}

export function useSignOut(then = '/login') {
  const navigate = useNavigate();
  const forget = useForgetSession();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      forget();
      navigate(then);
    },
  });
}
