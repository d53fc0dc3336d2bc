import type { z } from 'zod';
import { acceptanceV1, correctionV1, refusalToAcceptV1, refusalToAcceptV2 } from './templates/acceptance.ts';
import { grantV1, refusalV1, refusalV2 } from './templates/decisions.ts';
import { extensionV1, hearingNoticeV1 } from './templates/procedure.ts';
import type { DocumentText, ReferenceText, TemplateDefinition, TemplateRef } from './types.ts';

/**
 * The registry of legal text templates. Wording is law, not a UI string: every wording is a
 * numbered version kept beside its predecessors, and a document records the code and version it
 * was made from, so that it can be shown again exactly as issued.
 */

/** No template under that code (and version). */
export class UnknownTemplateError extends Error {
  override name = 'UnknownTemplateError';
  constructor(
    readonly code: string,
    readonly version: number | 'latest' | undefined,
  ) {
    super(version === undefined ? `no template ${code}` : `no template ${code} version ${version}`);
  }
}

/** The parameters do not fit the template's schema; `issues` says where. */
export class TemplateParamsError extends Error {
  override name = 'TemplateParamsError';
  constructor(
    readonly template: TemplateRef,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `parameters of ${template.code}@${template.version}: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
}

/** A template's output together with the template that made it. */
export type RenderedTemplate = { template: TemplateRef; text: DocumentText; reference?: ReferenceText };

// biome-ignore lint/suspicious/noExplicitAny: a registry holds templates of every parameter type.
type AnyTemplate = TemplateDefinition<any>;

export class TemplateRegistry {
  readonly #byCode = new Map<string, AnyTemplate[]>();

  constructor(templates: readonly AnyTemplate[] = []) {
    for (const t of templates) this.register(t);
  }

  /** Adds a version. Versions of a code go up one at a time and their periods in force do not overlap. */
  register(t: AnyTemplate): void {
    if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(t.code))
      throw new Error(`bad template code: ${t.code}`);
    const versions = this.#byCode.get(t.code) ?? [];
    const last = versions.at(-1);
    if (t.version !== (last ? last.version + 1 : 1))
      throw new Error(`${t.code}: version ${t.version} must follow ${last ? last.version : 0}`);
    if (t.inForce.until !== undefined && t.inForce.until < t.inForce.from)
      throw new Error(`${t.code}@${t.version}: in force until before from`);
    if (last && (last.inForce.until === undefined || last.inForce.until >= t.inForce.from))
      throw new Error(`${t.code}@${t.version}: version ${last.version} must end before ${t.inForce.from}`);
    versions.push(t);
    this.#byCode.set(t.code, versions);
  }

  codes(): string[] {
    return [...this.#byCode.keys()].sort();
  }

  /** Every version of a code, oldest first. */
  versions(code: string): AnyTemplate[] {
    const versions = this.#byCode.get(code);
    if (!versions) throw new UnknownTemplateError(code, undefined);
    return [...versions];
  }

  /** One version, or the newest. */
  get(code: string, version: number | 'latest' = 'latest'): AnyTemplate {
    const versions = this.#byCode.get(code);
    const found = version === 'latest' ? versions?.at(-1) : versions?.find((t) => t.version === version);
    if (!found) throw new UnknownTemplateError(code, version);
    return found;
  }

  /** The version whose wording is in force on a legal date (a document issued on that day uses it). */
  inForceOn(code: string, date: string): AnyTemplate {
    const found = this.versions(code).find(
      (t) => t.inForce.from <= date && (t.inForce.until === undefined || date <= t.inForce.until),
    );
    if (!found) throw new UnknownTemplateError(code, undefined);
    return found;
  }

  /** Checks the parameters and produces the words, plus the English reference where one exists. */
  render(code: string, version: number | 'latest', params: unknown): RenderedTemplate {
    const t = this.get(code, version);
    const ref: TemplateRef = { code: t.code, version: t.version };
    const parsed = t.params.safeParse(params);
    if (!parsed.success) throw new TemplateParamsError(ref, parsed.error.issues);
    const text = t.render(parsed.data);
    const reference = t.reference
      ? { ...t.reference(parsed.data), language: 'en' as const, authoritative: false as const }
      : undefined;
    return reference ? { template: ref, text, reference } : { template: ref, text };
  }
}

/** The platform's legal text templates for one-network approval (Administrative Licensing Law). */
export const legalTemplates = new TemplateRegistry([
  acceptanceV1,
  refusalToAcceptV1,
  refusalToAcceptV2,
  correctionV1,
  hearingNoticeV1,
  extensionV1,
  grantV1,
  refusalV1,
  refusalV2,
]);
