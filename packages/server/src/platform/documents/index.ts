import { z } from 'zod';
import { documentNumber, legalDate } from './legalText.ts';
import { renderPdf } from './pdf.ts';
import { legalTemplates, type RenderedTemplate, type TemplateRegistry } from './templates.ts';
import type { IssueContext } from './types.ts';

/** The issuing details, checked before anything is drawn. */
export const issueContext = z.object({
  issuingUnit: z.string().trim().min(2).max(60),
  documentNumber,
  issuedOn: legalDate,
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
  const rendered = registry.render(code, version, params);
  const text = language === 'en' ? rendered.reference : rendered.text;
  if (!text) throw new Error(`${code}@${rendered.template.version} offers no English reference translation`);
  return renderPdf(text, { ...rest, language, template: rendered.template });
}

export { uncoveredCharacters } from './fonts.ts';
export { chineseDate, chineseNumber, documentNumber, legalDate } from './legalText.ts';
export { UNSEALED_NOTE, UnprintableCharactersError } from './pdf.ts';
export {
  legalTemplates,
  type RenderedTemplate,
  TemplateParamsError,
  TemplateRegistry,
  UnknownTemplateError,
} from './templates.ts';
export type { DocumentText, IssueContext, ReferenceText, TemplateDefinition, TemplateRef } from './types.ts';
