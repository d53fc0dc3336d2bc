import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth.ts';
import { busy, hasFieldErrors, useProblemMessages } from '../shell/problems.ts';
import { meKey } from '../shell/session.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** A new password under the policy; `forced` is the sign-in step, otherwise the account page. */
export function PasswordChangeForm({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { applyFieldErrors, describe } = useProblemMessages();
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      form.resetFields();
      if (!forced) message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => !mutation.isPending && mutation.mutate(v)}
      style={{ maxWidth: 420 }}
    >
      <Alert
        type="info"
        showIcon
        title={forced ? t('password.forcedTitle') : t('password.policyTitle')}
        description={t('password.policy')}
        style={{ marginBottom: 16 }}
      />
      {mutation.isError && !hasFieldErrors(mutation.error) && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields name="newPassword" />
      <Button type="primary" htmlType="submit" loading={busy(mutation.isPending)}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
