import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Login } from '@yiwang/contracts';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signIn } from '../api/auth.ts';
import { busy, hasFieldErrors, useProblemMessages } from '../shell/problems.ts';
import { meKey } from '../shell/session.ts';

/** Step 1. Every failure reads alike, so the page never tells whether an account exists. */
export function PasswordStep() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Login>();
  const queryClient = useQueryClient();
  const { applyFieldErrors, describe } = useProblemMessages();
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
    onError: (error) => {
      applyFieldErrors(form, error);
      form.setFieldValue('password', '');
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => !mutation.isPending && mutation.mutate(v)}
      style={{ maxWidth: 420 }}
    >
      {mutation.isError && !hasFieldErrors(mutation.error) && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="identifier"
        label={t('login.identifier')}
        extra={t('login.identifierHelp')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy(mutation.isPending)}>
        {t('login.submit')}
      </Button>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </Typography.Paragraph>
    </Form>
  );
}
