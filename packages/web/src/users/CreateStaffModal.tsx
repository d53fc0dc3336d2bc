import { CopyOutlined } from '@ant-design/icons';
import type { CreateStaff } from '@yiwang/contracts';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createStaff } from '../api/admin.ts';
import { ModalError, useModalMutation } from '../orgs/formParts.tsx';

/** A new staff account; its initial password is shown here once and must be changed at first sign-in. */
export function CreateStaffModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateStaff>();
  const [created, setCreated] = useState<{ username: string; password: string }>();
  const mutation = useModalMutation(
    form,
    (v: CreateStaff) => createStaff({ ...v, mobile: v.mobile?.trim() ? v.mobile.trim() : undefined }),
    (result) => {
      setCreated({ username: form.getFieldValue('username'), password: result.initialPassword });
      onCreated();
    },
  );
  const copy = (text: string) =>
    navigator.clipboard
      .writeText(text)
      .then(() => message.success(t('users.copied')))
      .catch(() => message.error(t('recovery.copyFailed')));
  if (created) {
    return (
      <Modal
        open
        title={t('users.initialPasswordTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={onClose}>
            {t('users.initialPasswordDone')}
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title={t('users.initialPasswordWarning')}
          style={{ marginBottom: 16 }}
        />
        <Typography.Paragraph>
          {t('users.initialPasswordFor', { username: created.username })}
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code strong style={{ fontSize: 20 }} data-testid="initial-password">
            {created.password}
          </Typography.Text>{' '}
          <Button icon={<CopyOutlined />} onClick={() => copy(created.password)}>
            {t('users.copy')}
          </Button>
        </Typography.Paragraph>
      </Modal>
    );
  }
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('users.create')}
      okText={t('users.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ModalError error={mutation.error} />
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHelp')}
          rules={required}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="mobile" label={t('users.mobileOptional')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
