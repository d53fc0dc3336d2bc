import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A new password typed twice, with the policy shown; `name` is the field the server expects
 * ('password' at registration, 'newPassword' when changing it).
 */
export function NewPasswordFields({ name = 'password' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
