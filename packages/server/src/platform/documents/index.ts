import { z } from 'zod';
import { documentNumber, legalDate } from './legalText.ts';
import { renderPdf, type SealOptions } from './pdf.ts';
import { legalTemplates, type RenderedTemplate, type TemplateRegistry } from './templates.ts';
import type { IssueContext } from './types.ts';

/** The issuing details, checked before anything is drawn. */
export const issueContext = z.object({
  issuingUnit: z.string().trim().min(2).max(60),
  documentNumber,
  issuedOn: legalDate,
});

/**
 * What a seal prints, checked before anything is drawn: a code of letters and digits in groups,
 * and an http(s) URL of printable ASCII short enough for a 22 mm QR code to scan (version 10 at most).
 */
export const sealPrint = z.object({
  verificationCode: z
    .string()
    .regex(/^[0-9A-Za-z]+(-[0-9A-Za-z]+)*$/)
    .max(64),
  verificationUrl: z
    .string()
    .max(200)
    .regex(/^https?:\/\/[\x21-\x7e]+$/),
});

/**
 * Official documents: legal text templates kept as numbered versions, and their layout as PDF
 * after GB/T 9704-2012.
 */

export type RenderOptions = IssueContext & {
  /** 'en' gives the English reference translation where the template offers one. */
  language?: 'zh' | 'en';
  head?: 'compact' | 'gb9704';
  createdAt?: Date;
  registry?: TemplateRegistry;
  /**
   * The unit's electronic seal: the page then bears the drawn seal over issuer and date, the
   * verification code and a QR code of the verification URL instead of the unsealed note, and
   * `beforeEnd` is called with the seal's place right before the PDF ends.
   */
  seal?: SealOptions;
};

/** The words of a document and the template code and version they came from, without layout. */
export function composeDocument(
  code: string,
  version: number | 'latest',
  params: unknown,
  registry: TemplateRegistry = legalTemplates,
): RenderedTemplate {
  return registry.render(code, version, params);
}

/** Renders a template with its parameters and the issuing details to a PDF. */
export async function renderDocument(
  code: string,
  version: number | 'latest',
  params: unknown,
  options: RenderOptions,
): Promise<Buffer> {
  const { registry = legalTemplates, language = 'zh', ...rest } = options;
  issueContext.parse({
    issuingUnit: rest.issuingUnit,
    documentNumber: rest.documentNumber,
    issuedOn: rest.issuedOn,
  });
  if (rest.seal)
    sealPrint.parse({
      verificationCode: rest.seal.verificationCode,
      verificationUrl: rest.seal.verificationUrl,
    });
  const rendered = registry.render(code, version, params);
  const text = language === 'en' ? rendered.reference : rendered.text;
  if (!text) throw new Error(`${code}@${rendered.template.version} offers no English reference translation`);
  return renderPdf(text, { ...rest, language, template: rendered.template });
}

export { uncoveredCharacters } from './fonts.ts';
export { chineseDate, chineseNumber, documentNumber, legalDate } from './legalText.ts';
export {
  SEALED_VERIFICATION_LABEL,
  type SealOptions,
  type SealPlacement,
  UNSEALED_NOTE,
  UnprintableCharactersError,
} from './pdf.ts';
export { SEAL_DIAMETER } from './seal.ts';
export {
  legalTemplates,
  type RenderedTemplate,
  TemplateParamsError,
  TemplateRegistry,
  UnknownTemplateError,
} from './templates.ts';
export type { DocumentText, IssueContext, ReferenceText, TemplateDefinition, TemplateRef } from './types.ts';
