import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { confirmEnrolment, startEnrolment } from '../api/auth.ts';
import { busy, hasFieldErrors, useProblemMessages } from '../shell/problems.ts';
import { meKey } from '../shell/session.ts';

type Props = { userId: string; intro: string; onCodes: (codes: string[]) => void };

/** Binds an authenticator app: scan (or type) the secret, prove it with a code, get recovery codes. */
export function EnrolSecondFactor({ userId, intro, onCodes }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const queryClient = useQueryClient();
  const { applyFieldErrors, describe } = useProblemMessages();
  // Each start makes a new secret, so it is asked for once per visit and never refetched.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', userId],
    queryFn: startEnrolment,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmEnrolment(code),
    onSuccess: async (result) => {
      onCodes(result.recoveryCodes);
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  if (enrolment.isPending) return <Spin />;
  if (enrolment.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={describe(enrolment.error)}
        action={<Button onClick={() => enrolment.refetch()}>{t('error.retry')}</Button>}
      />
    );
  }
  const { qrDataUrl, secret } = enrolment.data;
  return (
    <>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} sm={10}>
          <img
            src={qrDataUrl}
            alt={t('enrol.qrAlt')}
            width={200}
            height={200}
            style={{ border: '1px solid #f0f0f0' }}
          />
        </Col>
        <Col xs={24} sm={14}>
          <ol style={{ paddingInlineStart: 20 }}>
            <li>{t('enrol.scan')}</li>
            <li>
              {t('enrol.manual')}
              <br />
              <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                {secret}
              </Typography.Text>
            </li>
            <li>{t('enrol.enterCode')}</li>
          </ol>
          {confirm.isError && !hasFieldErrors(confirm.error) && (
            <Alert type="error" showIcon title={describe(confirm.error)} style={{ marginBottom: 16 }} />
          )}
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => !confirm.isPending && confirm.mutate(v.code.trim())}
          >
            <Form.Item
              name="code"
              label={t('secondFactor.code')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: /^\d{6}$/, message: t('secondFactor.codeFormat') },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy(confirm.isPending)}>
              {t('enrol.confirm')}
            </Button>
          </Form>
        </Col>
      </Row>
    </>
  );
}
