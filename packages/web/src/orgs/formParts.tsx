import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hasFieldErrors, useProblemMessages } from '../shell/problems.ts';

/** A form in a modal that sends once, maps field errors, and says the rest in one line. */
export function useModalMutation<V, R>(
  form: FormInstance<V>,
  send: (values: V) => Promise<R>,
  onDone: (r: R) => void,
) {
  const { applyFieldErrors } = useProblemMessages();
  return useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (error) => applyFieldErrors(form, error),
  });
}

export function ModalError({ error }: { error: unknown }) {
  const { describe } = useProblemMessages();
  if (!error || hasFieldErrors(error)) return null;
  return <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />;
}

export function DateField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }]}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

export const legalDate = (d: Dayjs) => d.format('YYYY-MM-DD');
