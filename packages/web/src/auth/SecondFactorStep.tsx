import { SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passSecondFactor, signOut } from '../api/auth.ts';
import { busy, hasFieldErrors, problemCode, useProblemMessages } from '../shell/problems.ts';
import { meKey } from '../shell/session.ts';

/** Step 2: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorStep() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const queryClient = useQueryClient();
  const { applyFieldErrors, describe } = useProblemMessages();
  const refresh = () => queryClient.invalidateQueries({ queryKey: meKey });
  const mutation = useMutation({
    mutationFn: (code: string) => passSecondFactor(recovery ? code.toUpperCase() : code),
    onSuccess: refresh,
    onError: (error) => {
      applyFieldErrors(form, error);
      if (problemCode(error) === 'wrong_sign_in_step') void refresh();
    },
  });
  const switchAccount = useMutation({ mutationFn: signOut, onSettled: refresh });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => !mutation.isPending && mutation.mutate(v.code.trim())}
      style={{ maxWidth: 420 }}
    >
      <Typography.Paragraph>
        {recovery ? t('secondFactor.recoveryIntro') : t('secondFactor.intro')}
      </Typography.Paragraph>
      {mutation.isError && !hasFieldErrors(mutation.error) && (
        <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        key={recovery ? 'recovery' : 'totp'}
        name="code"
        label={recovery ? t('secondFactor.recoveryCode') : t('secondFactor.code')}
        rules={[
          { required: true, message: t('validation.required') },
          recovery
            ? { pattern: /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/, message: t('secondFactor.recoveryFormat') }
            : { pattern: /^\d{6}$/, message: t('secondFactor.codeFormat') },
        ]}
      >
        {recovery ? (
          <Input prefix={<SafetyOutlined />} placeholder="ABCD-EFGH" maxLength={9} autoComplete="off" />
        ) : (
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            autoFocus
          />
        )}
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy(mutation.isPending)}>
        {t('secondFactor.submit')}
      </Button>
      <Space style={{ marginTop: 16 }} separator="·">
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => {
            setRecovery(!recovery);
            form.resetFields();
            mutation.reset();
          }}
        >
          {recovery ? t('secondFactor.useTotp') : t('secondFactor.useRecovery')}
        </Button>
        <Button type="link" style={{ padding: 0 }} onClick={() => switchAccount.mutate()}>
          {t('secondFactor.switchAccount')}
        </Button>
      </Space>
    </Form>
  );
}
