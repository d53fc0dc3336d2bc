import {
  type CaAlgorithm,
  type CertificateSummary,
  caAlgorithmSchema,
  type IssueCertificateRequest,
} from '@yiwang/contracts';
import { Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueCertificate } from '../api/ca.ts';
import { useModalMutation } from '../orgs/formParts.tsx';
import { UnitPicker } from '../orgs/UnitPicker.tsx';
import { problemCode } from '../shell/problems.ts';
import { UserPicker } from '../users/UserPicker.tsx';
import { ProblemAlert } from './parts.tsx';

type IssuableProfile = 'seal' | 'staff' | 'business';
type Values = { profile: IssuableProfile; orgUnitId?: string; userId?: string; algorithm: CaAlgorithm };

const request = (v: Values): IssueCertificateRequest =>
  v.profile === 'seal'
    ? { profile: 'seal', orgUnitId: v.orgUnitId ?? '', algorithm: v.algorithm }
    : { profile: v.profile, userId: v.userId ?? '', algorithm: v.algorithm };

/** The holder's problems belong on the holder's field, not in a banner. */
const HOLDER_PROBLEMS = new Set(['not_found', 'holder_not_found', 'holder_kind_mismatch']);

type Props = { onClose: () => void; onIssued: (c: CertificateSummary) => void };

/** A seal certificate for a unit, or a signing certificate for a staff member or a business. */
export function IssueCertificateModal({ onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const profile = Form.useWatch('profile', form) ?? 'seal';
  const mutation = useModalMutation(form, (v: Values) => issueCertificate(request(v)), onIssued);
  const code = problemCode(mutation.error);
  const holderProblem = code && HOLDER_PROBLEMS.has(code) ? code : undefined;
  const required = [{ required: true, message: t('validation.required') }];
  const holderErrors = holderProblem
    ? [holderProblem === 'holder_kind_mismatch' ? t('ca.holderKindMismatch') : t('ca.holderNotFound')]
    : undefined;
  return (
    <Modal
      open
      title={t('ca.issueTitle')}
      okText={t('ca.issueOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
    >
      {!holderProblem && <ProblemAlert error={mutation.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ profile: 'seal', algorithm: 'SM2-SM3' }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.profile) {
            form.setFieldsValue({ orgUnitId: undefined, userId: undefined });
            mutation.reset();
          }
          if (changed.orgUnitId !== undefined || changed.userId !== undefined) mutation.reset();
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="profile" label={t('ca.issueProfile')} rules={required}>
          <Radio.Group
            optionType="button"
            options={(['seal', 'staff', 'business'] as const).map((p) => ({
              value: p,
              label: t(`ca.issueProfiles.${p}`),
            }))}
          />
        </Form.Item>
        {profile === 'seal' ? (
          <Form.Item
            key="orgUnitId"
            name="orgUnitId"
            label={t('ca.holderUnit')}
            extra={t('ca.holderUnitHelp')}
            rules={required}
            validateStatus={holderErrors ? 'error' : undefined}
            help={holderErrors?.[0]}
          >
            <UnitPicker />
          </Form.Item>
        ) : (
          <Form.Item
            key="userId"
            name="userId"
            label={t('ca.holderUser')}
            rules={required}
            validateStatus={holderErrors ? 'error' : undefined}
            help={holderErrors?.[0]}
          >
            <UserPicker kind={profile} placeholder={t('ca.holderUserPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="algorithm" label={t('ca.algorithmLabel')} extra={t('ca.algorithmHelp')}>
          <Radio.Group
            options={caAlgorithmSchema.options.map((a) => ({ value: a, label: t(`ca.algorithm.${a}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
