/** What the verifier can find wrong with the audit trail. */
export type AuditProblemKind =
  /** A leaf index is missing: leaves were deleted (or never appended). */
  | 'leaf_gap'
  /** A stored leaf hash is not a 32-byte hash. */
  | 'leaf_malformed'
  /** An event no longer hashes to its leaf: changed after sequencing, or leaves were reordered. */
  | 'event_altered'
  /** A leaf or pending entry whose event is gone. */
  | 'event_deleted'
  /** An event neither sequenced nor pending: it bypassed the queue, or its queue entry was removed. */
  | 'event_unsequenced'
  /** A checkpoint's root differs from the root recomputed from the leaves, or it claims more leaves. */
  | 'checkpoint_root'
  /** A checkpoint signed by a key the verifier was not told to trust. */
  | 'checkpoint_key_unknown'
  /** A checkpoint whose signature does not verify with the key it names. */
  | 'checkpoint_signature'
  /** A witnessed checkpoint that is no longer in the database. */
  | 'checkpoint_missing'
  /** A witness line whose root differs from the recomputed root at its size, or beyond the log's end. */
  | 'witness_mismatch'
  /** A witness line that cannot be read. */
  | 'witness_malformed';

export type AuditProblem = {
  kind: AuditProblemKind;
  leafIndex?: number;
  eventId?: string;
  treeSize?: number;
  message: string;
};

/** Each kind's first occurrences are kept precisely; the rest are only counted (a rewritten log has millions). */
export const PROBLEMS_KEPT_PER_KIND = 20;

export class ProblemLog {
  readonly #kept: AuditProblem[] = [];
  readonly #counts = new Map<AuditProblemKind, number>();

  add(problem: AuditProblem): void {
    const count = (this.#counts.get(problem.kind) ?? 0) + 1;
    this.#counts.set(problem.kind, count);
    if (count <= PROBLEMS_KEPT_PER_KIND) this.#kept.push(problem);
  }

  /** Counts n more problems of a kind that a query found but did not fetch. */
  countMore(kind: AuditProblemKind, n: number): void {
    if (n > 0) this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + n);
  }

  /** The kept problems in the order found, then per kind a count of those left out. */
  list(): AuditProblem[] {
    const omitted = [...this.#counts].flatMap(([kind, count]): AuditProblem[] => {
      const left = count - this.#kept.filter((p) => p.kind === kind).length;
      return left > 0
        ? [{ kind, message: `${left} more ${kind} problems not listed (${count} in all)` }]
        : [];
    });
    return [...this.#kept, ...omitted];
  }
}
