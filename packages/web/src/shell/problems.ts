import type { FieldError } from '@yiwang/contracts';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';

type Reason = { code: string; zh: string; en: string };

function reasonsOf(error: FieldError): Reason[] {
  const reasons = error.params?.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.filter(
    (r): r is Reason => typeof r === 'object' && r !== null && typeof (r as Reason).zh === 'string',
  );
}

export function hasFieldErrors(error: unknown): boolean {
  return error instanceof ApiProblem && Boolean(error.problem.errors?.length);
}

export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiProblem ? error.problem.code : undefined;
}

/** Turns a server problem into words: field errors onto their form fields, the rest as one line. */
export function useProblemMessages() {
  const { t, i18n } = useTranslation();
  const fieldMessage = (e: FieldError): string => {
    const reasons = reasonsOf(e);
    if (reasons.length > 0) {
      return reasons
        .map((r) => (i18n.language === 'en-US' ? r.en : r.zh))
        .join(i18n.language === 'en-US' ? '; ' : '；');
    }
    return t(`validation.${e.code}`, { defaultValue: e.message, ...e.params });
  };
  return {
    fieldMessage,
    /** Puts each field error on its form field; says whether any landed. */
    applyFieldErrors(form: FormInstance, error: unknown): boolean {
      if (!(error instanceof ApiProblem) || !error.problem.errors?.length) return false;
      const byField = new Map<string, string[]>();
      for (const e of error.problem.errors) {
        const name = e.field.replace(/^(body|query|params)\./, '');
        byField.set(name, [...(byField.get(name) ?? []), fieldMessage(e)]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.'), errors })));
      return true;
    },
    describe(error: unknown): string {
      if (!(error instanceof ApiProblem)) return t('error.loadFailed');
      const { code } = error.problem;
      return t(`problem.${code}`, { defaultValue: t('error.unknown', { code }) });
    },
  };
}

/**
 * A submit button's busy state: the spinner shows only when the answer takes a moment, so a quick
 * refusal does not flash one (nor leave its "loading" label behind in the button's name).
 */
export const busy = (pending: boolean) => (pending ? { delay: 200 } : false);
