import type { z } from 'zod';

/** The words of one document before layout: what a template produces from its parameters. */
export type DocumentText = {
  /** The document's title (标题), e.g. 准予行政许可决定书. */
  title: string;
  /** The main recipient (主送机关 / the applicant), written without the closing colon. */
  recipient: string;
  /** The body, one string per natural paragraph (自然段), already in final wording. */
  paragraphs: string[];
  /** Names of the attachments (附件说明), in order. */
  attachments?: string[];
};

/** An English rendering: never authoritative, always marked 参考译文 / reference translation. */
export type ReferenceText = DocumentText & { language: 'en'; authoritative: false };

/** A legal text template: one code, one version, one wording. A new wording is a new version. */
export type TemplateDefinition<P = unknown> = {
  /** Stable code the approval system stores, e.g. 'licensing.grant'. */
  code: string;
  /** 1, 2, …: versions of a code live side by side; an issued document records the one it used. */
  version: number;
  /** The legal basis of the document itself, e.g. '行政许可法第32条'. */
  basis: string;
  /** The document title (文种), e.g. 准予行政许可决定书. */
  title: string;
  /** The period in which this wording is the one to use (legal dates); until is inclusive. */
  inForce: { from: string; until?: string };
  /** Why this version exists (what changed against the previous one). */
  note?: string;
  /** The typed parameters, checked before rendering. */
  params: z.ZodType<P>;
  render(params: P): DocumentText;
  /** The English reference rendering, where one is offered. */
  reference?: (params: P) => DocumentText;
};

/** What the issuing side adds to a document: who issues it, under which number, on which day. */
export type IssueContext = {
  /** The issuing unit's full name, printed as the red header (发文机关标志) and as signatory. */
  issuingUnit: string;
  /** e.g. 哈市监许〔2026〕15号. */
  documentNumber: string;
  /** The legal date of issue (成文日期), 'YYYY-MM-DD'. */
  issuedOn: string;
};

/** Which template and wording a document was made from, kept with the issued document. */
export type TemplateRef = { code: string; version: number };
