import { OperatorError } from '../platform/errors.ts';
import { checkDefinition } from './checkDefinition.ts';
import type { ProcessDefinition } from './definition.ts';

/**
 * The process definitions the server runs, every version of each: a case keeps the version it
 * began with, and new cases take the latest.
 */
export class ProcessRegistry {
  readonly #byCode = new Map<string, Map<number, ProcessDefinition>>();

  /** Refuses (with every problem, one per line) to hold a definition that cannot run. */
  constructor(definitions: readonly ProcessDefinition[], knownRoles: ReadonlySet<string>) {
    const problems = definitions.flatMap((def) => checkDefinition(def, knownRoles));
    for (const def of definitions) {
      const versions = this.#byCode.get(def.code) ?? new Map<number, ProcessDefinition>();
      if (versions.has(def.version)) problems.push(`process ${def.code}@${def.version}: defined twice`);
      versions.set(def.version, def);
      this.#byCode.set(def.code, versions);
    }
    if (problems.length > 0) {
      throw new OperatorError(`invalid process definitions:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
  }

  latest(code: string): ProcessDefinition | undefined {
    const versions = this.#byCode.get(code);
    if (!versions) return undefined;
    return versions.get(Math.max(...versions.keys()));
  }

  get(code: string, version: number): ProcessDefinition {
    const def = this.#byCode.get(code)?.get(version);
    // A stored case whose process is gone is a deployment error, not a user's.
    if (!def) throw new Error(`process ${code}@${version} is not installed`);
    return def;
  }

  /** The latest version of every process. */
  all(): ProcessDefinition[] {
    return [...this.#byCode.keys()].map((code) => this.latest(code) as ProcessDefinition);
  }

  /** Every installed version, for queries that must cover cases begun under an older one. */
  allVersions(): ProcessDefinition[] {
    return [...this.#byCode.values()].flatMap((versions) => [...versions.values()]);
  }
}
