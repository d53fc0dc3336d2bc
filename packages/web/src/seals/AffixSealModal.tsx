import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SealRequest } from '@yiwang/contracts';
import { Alert, Button, Descriptions, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Affixed, affixSeal } from '../api/ca.ts';
import { ProblemAlert } from '../ca/parts.tsx';
import { useModalMutation } from '../orgs/formParts.tsx';

type Values = { password: string; code?: string };
type Props = {
  request: SealRequest;
  /** The keeper has an authenticator: each seal then needs its code as well as the password. */
  needsCode: boolean;
  onClose: () => void;
  onSealed: () => void;
};

/** 加盖电子印章: a fresh confirmation for this one document, then its verification code. */
export function AffixSealModal({ request, needsCode, onClose, onSealed }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Affixed>();
  const mutation = useModalMutation(
    form,
    (v: Values) =>
      affixSeal(request.id, { password: v.password, ...(needsCode ? { code: v.code?.trim() } : {}) }),
    (affixed) => {
      setDone(affixed);
      onSealed();
    },
  );
  if (done) {
    const verifyPath = `/verify?code=${encodeURIComponent(done.verificationCode)}`;
    return (
      <Modal
        open
        title={t('seals.affixTitle', { title: request.title })}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('seals.close')}
          </Button>
        }
      >
        <Result
          status="success"
          title={t('seals.done')}
          subTitle={t('seals.doneText')}
          style={{ padding: '16px 0' }}
          extra={
            <>
              <Typography.Paragraph>
                <Typography.Text
                  code
                  strong
                  copyable
                  className="lookup-code"
                  style={{ fontSize: 20 }}
                  data-testid="verification-code"
                >
                  {done.verificationCode}
                </Typography.Text>
              </Typography.Paragraph>
              <a href={verifyPath} target="_blank" rel="noopener">
                <SafetyCertificateOutlined /> {t('seals.openVerify')}
              </a>
            </>
          }
        />
      </Modal>
    );
  }
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('seals.affixTitle', { title: request.title })}
      okText={t('seals.affixOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={t(needsCode ? 'seals.affixNotice' : 'seals.affixNoticeNoCode', { unit: request.unitName })}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'title', label: t('seals.columns.title'), children: request.title },
          { key: 'number', label: t('seals.columns.documentNumber'), children: request.documentNumber },
          { key: 'unit', label: t('seals.columns.unit'), children: request.unitName },
        ]}
      />
      <ProblemAlert error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="password" label={t('seals.password')} rules={required}>
          <Input.Password autoComplete="current-password" autoFocus maxLength={200} />
        </Form.Item>
        {needsCode && (
          <Form.Item
            name="code"
            label={t('seals.code')}
            extra={t('seals.codeHelp')}
            rules={[...required, { pattern: /^\s*\d{6}\s*$/, message: t('seals.codeFormat') }]}
          >
            <Input
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              style={{ width: 160, letterSpacing: 4 }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
