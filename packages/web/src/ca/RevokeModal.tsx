import { type CertificateSummary, type RevocationReason, revocationReasonSchema } from '@yiwang/contracts';
import { Alert, Checkbox, Descriptions, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { revokeCertificate } from '../api/ca.ts';
import { useModalMutation } from '../orgs/formParts.tsx';
import { ProblemAlert } from './parts.tsx';

type Values = { reason: RevocationReason; confirmed: boolean };
type Props = {
  certificate: CertificateSummary;
  onClose: () => void;
  onDone: (c: CertificateSummary) => void;
};

/** Revocation with one of RFC 5280's reasons, confirmed twice: it cannot be taken back. */
export function RevokeModal({ certificate, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useModalMutation(form, (v: Values) => revokeCertificate(certificate.id, v.reason), onDone);
  return (
    <Modal
      open
      title={t('ca.revokeTitle')}
      okText={t('ca.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('ca.revokeWarning')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={mutation.error} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'subject', label: t('ca.revokeSubject'), children: certificate.subject },
          { key: 'serial', label: t('ca.columns.serial'), children: <code>{certificate.serial}</code> },
        ]}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ confirmed: false }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="reason"
          label={t('ca.reasonLabel')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={revocationReasonSchema.options.map((r) => ({
              value: r,
              label: (
                <>
                  {t(`ca.reason.${r}`)} <span style={{ color: '#8c8c8c' }}>({r})</span>
                </>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="confirmed"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v: boolean) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('ca.confirmRequired'))),
            },
          ]}
        >
          <Checkbox>{t('ca.confirm')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
