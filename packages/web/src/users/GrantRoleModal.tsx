import type { GrantMembership, roleSchema } from '@yiwang/contracts';
import { Alert, Form, Modal, Radio, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { grantMembership } from '../api/admin.ts';
import { ModalError, useModalMutation } from '../orgs/formParts.tsx';
import { UnitPicker } from '../orgs/UnitPicker.tsx';
import { useLang } from '../shell/lang.ts';
import { problemCode } from '../shell/problems.ts';
import type { UserSummary } from './UserConsolePage.tsx';

type Role = z.infer<typeof roleSchema>;
type Props = { user: UserSummary; roles: Role[]; onClose: () => void; onDone: () => void };

/** A role in a unit with a reach; the three officers' roles are each held alone (三员分立). */
export function GrantRoleModal({ user, roles, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<GrantMembership>();
  const mutation = useModalMutation(form, (v: GrantMembership) => grantMembership(user.id, v), onDone);
  const required = [{ required: true, message: t('validation.required') }];
  const separation = problemCode(mutation.error) === 'officer_roles_exclusive';
  return (
    <Modal
      open
      title={t('users.grantTitle', { name: user.displayName })}
      okText={t('users.grant')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {separation ? (
        <Alert
          type="error"
          showIcon
          title={t('users.separationTitle')}
          description={t('problem.officer_roles_exclusive')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ModalError error={mutation.error} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reach: 'unit' }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="roleCode" label={t('users.role')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'title' }}
            options={roles.map((r) => ({
              value: r.code,
              title: r.name[lang],
              label: (
                <>
                  {r.name[lang]}
                  {r.officer && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('users.officer')}
                    </Tag>
                  )}
                </>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.unit')} rules={required}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="reach" label={t('users.reach')} extra={t('users.reachHelp')} rules={required}>
          <Radio.Group
            options={(['unit', 'subtree', 'line'] as const).map((r) => ({
              value: r,
              label: t(`reach.${r}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
