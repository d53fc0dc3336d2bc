import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';

/** Turns a server problem into words: field errors onto their form fields, the rest as one line. */
export function useProblemMessages() {
  const { t } = useTranslation();
  const fieldMessage = (code: string, fallback: string) =>
    t(`validation.${code}`, { defaultValue: fallback });
  return {
    applyFieldErrors(form: FormInstance, error: unknown) {
      if (!(error instanceof ApiProblem) || !error.problem.errors) return;
      form.setFields(
        error.problem.errors.map((e) => ({
          name: e.field.replace(/^body\./, '').split('.'),
          errors: [fieldMessage(e.code, e.message)],
        })),
      );
    },
    describe(error: unknown): string {
      if (!(error instanceof ApiProblem)) return t('error.loadFailed');
      if (error.problem.code === 'rate_limited') return t('error.rateLimited');
      return t('error.unknown', { code: error.problem.code });
    },
  };
}
