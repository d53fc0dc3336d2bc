import pg from 'pg';

type Stat = { count: number; ms: number };

/**
 * Counts and times every statement that any pg client of this process sends while recording is
 * on, grouped by the statement's text: what one request costs in round trips to the database.
 * Installed once; it wraps pg.Client.prototype.query, which Kysely's pools call.
 */
export class StatementRecorder {
  #on = false;
  #stats = new Map<string, Stat>();
  // Time with at least one statement outstanding: statements sent together (Promise.all) overlap.
  #outstanding = 0;
  #busySince = 0;
  #busyMs = 0;

  constructor() {
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    const recorder = this;
    (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const result = original.apply(this, args);
      if (!recorder.#on || !(result instanceof Promise)) return result;
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?');
      const started = performance.now();
      if (recorder.#outstanding++ === 0) recorder.#busySince = started;
      const done = () => {
        const now = performance.now();
        recorder.#add(text, now - started);
        if (--recorder.#outstanding === 0) recorder.#busyMs += now - recorder.#busySince;
      };
      return result.then(
        (value) => {
          done();
          return value;
        },
        (error: unknown) => {
          done();
          throw error;
        },
      );
    };
  }

  #add(text: string, ms: number) {
    const key = normalise(text);
    const s = this.#stats.get(key) ?? { count: 0, ms: 0 };
    s.count += 1;
    s.ms += ms;
    this.#stats.set(key, s);
  }

  /**
   * Runs `work` with recording on and returns what it sent, from a clean slate, and the time
   * during which at least one statement was waiting for its answer.
   */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; stats: Map<string, Stat>; busyMs: number }> {
    this.#stats = new Map();
    this.#busyMs = 0;
    this.#outstanding = 0;
    this.#on = true;
    try {
      const result = await work();
      return { result, stats: this.#stats, busyMs: this.#busyMs };
    } finally {
      this.#on = false;
    }
  }
}

/** One line per statement shape: whitespace folded, long lists of parameters cut. */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\$\d+(, \$\d+)+\)/g, '($…)')
    .trim();
}

/** A short label for a statement: its verb and first table. */
export function labelOf(statement: string): string {
  const s = statement.toLowerCase();
  if (s === 'begin' || s === 'commit' || s === 'rollback') return s.toUpperCase();
  if (s.includes('set_config(')) return 'SELECT set_config(actor…)';
  if (s.startsWith('set role')) return statement;
  const verb = s.split(' ')[0]?.toUpperCase() ?? '?';
  const table =
    /(?:from|into|update)\s+"?([a-z_]+)"?/.exec(s)?.[1] ?? /insert into "?([a-z_]+)/.exec(s)?.[1] ?? '?';
  const lock = s.includes('for update') ? ' FOR UPDATE' : '';
  return `${verb} ${table}${lock}`;
}
