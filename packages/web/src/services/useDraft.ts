import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client.ts';
import { fetchDraft, saveDraft } from '../api/services.ts';
import type { FormValues } from './SchemaForm.tsx';

/** How long typing must pause before the draft is saved. */
const SAVE_AFTER_MS = 1200;

/** The values someone actually gave: empty texts, empty choices and unset fields left out. */
function given(form: FormValues): string {
  const kept = Object.entries(form).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return JSON.stringify(Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b))));
}
const EMPTY = given({});

export type DraftStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'failed' };

/** The applicant's draft for a service: null when there is none (the server answers 404). */
function useSavedDraft(serviceId: string) {
  return useQuery({
    queryKey: ['services', 'draft', serviceId],
    queryFn: async () => {
      try {
        return await fetchDraft(serviceId);
      } catch (error) {
        if (error instanceof ApiProblem && error.problem.status === 404) return null;
        throw error;
      }
    },
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/**
 * The form's values with the server-side draft behind them: restored once on arrival, saved a
 * moment after each change, and saved at once when the page is left with a change pending.
 */
export function useDraft(serviceId: string) {
  const saved = useSavedDraft(serviceId);
  const [values, setValues] = useState<FormValues>({});
  const [restoredAt, setRestoredAt] = useState<string>();
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const loaded = useRef(false);
  const pending = useRef<FormValues>(undefined);
  const stopped = useRef(false);

  useEffect(() => {
    if (loaded.current || saved.isPending) return;
    loaded.current = true;
    const draft = saved.data;
    if (draft && given(draft.form) !== EMPTY) {
      setValues(draft.form);
      setRestoredAt(draft.updatedAt);
    }
  }, [saved.isPending, saved.data]);

  const flush = () => {
    const form = pending.current;
    pending.current = undefined;
    if (!form || stopped.current) return;
    setStatus({ state: 'saving' });
    saveDraft(serviceId, form).then(
      (d) => setStatus({ state: 'saved', at: d.updatedAt }),
      () => setStatus({ state: 'failed' }),
    );
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // biome-ignore lint/correctness/useExhaustiveDependencies: each change of the values restarts the wait
  useEffect(() => {
    if (!pending.current) return;
    const timer = setTimeout(() => flushRef.current(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [values]);

  // Leaving the page saves what was typed since the last save.
  useEffect(() => () => flushRef.current(), []);

  return {
    ready: !saved.isPending,
    values,
    restoredAt,
    status,
    /** A change by the applicant: kept, and saved shortly. */
    change(next: FormValues) {
      // The form also reports the defaults it fills in (an empty list of choices): nothing to save.
      if (given(next) !== given(values)) pending.current = next;
      setValues(next);
    },
    /** Start over: an empty form, saved as the draft. */
    clear() {
      pending.current = {};
      setRestoredAt(undefined);
      setValues({});
    },
    /** Submitted: the server dropped the draft, so nothing more is saved. */
    stop() {
      stopped.current = true;
      pending.current = undefined;
    },
  };
}
