import { useMutation } from '@tanstack/react-query';
import type { RegisterBusiness, RegisterCitizen } from '@yiwang/contracts';
import { Alert, Button, Form, type FormInstance, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerBusiness, registerCitizen } from '../api/auth.ts';
import { busy, hasFieldErrors, useProblemMessages } from '../shell/problems.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

type WithConfirm<T> = T & { confirm: string };

function useRegistration<T extends { password: string }>(
  form: FormInstance<WithConfirm<T>>,
  send: (input: T) => Promise<unknown>,
  onDone: () => void,
) {
  const { applyFieldErrors } = useProblemMessages();
  return useMutation({
    mutationFn: ({ confirm: _, ...input }: WithConfirm<T>) => send(input as unknown as T),
    onSuccess: onDone,
    onError: (error) => applyFieldErrors(form, error),
  });
}

function FormError({ error }: { error: unknown }) {
  const { describe } = useProblemMessages();
  if (!error || hasFieldErrors(error)) return null;
  return <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />;
}

export function CitizenForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WithConfirm<RegisterCitizen>>();
  const mutation = useRegistration(form, registerCitizen, onDone);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => !mutation.isPending && mutation.mutate(v)}
      style={{ maxWidth: 480 }}
    >
      <FormError error={mutation.error} />
      <Form.Item name="realName" label={t('register.realName')} rules={required}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('register.idNumber')}
        extra={t('register.idNumberHelp')}
        rules={required}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="mobile" label={t('register.mobile')} rules={required}>
        <Input inputMode="tel" autoComplete="tel" maxLength={20} />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={busy(mutation.isPending)}>
        {t('register.submit')}
      </Button>
    </Form>
  );
}

export function BusinessForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WithConfirm<RegisterBusiness>>();
  const mutation = useRegistration(form, registerBusiness, onDone);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => !mutation.isPending && mutation.mutate(v)}
      style={{ maxWidth: 480 }}
    >
      <FormError error={mutation.error} />
      <Form.Item name="name" label={t('register.businessName')} rules={required}>
        <Input autoComplete="organization" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('register.creditCode')}
        extra={t('register.creditCodeHelp')}
        rules={required}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactMobile" label={t('register.contactMobile')} rules={required}>
        <Input inputMode="tel" autoComplete="tel" maxLength={20} />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" loading={busy(mutation.isPending)}>
        {t('register.submit')}
      </Button>
    </Form>
  );
}
