import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, shown this once; the person confirms they kept them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const copy = () =>
    navigator.clipboard
      .writeText(codes.join('\n'))
      .then(() => message.success(t('recovery.copied')))
      .catch(() => message.error(t('recovery.copyFailed')));
  return (
    <>
      <Typography.Title level={3}>{t('recovery.title')}</Typography.Title>
      <Alert type="warning" showIcon title={t('recovery.warningTitle')} description={t('recovery.warning')} />
      <ol className="recovery-codes" aria-label={t('recovery.title')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Space orientation="vertical" size="middle">
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t('recovery.copy')}
        </Button>
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          {t('recovery.saved')}
        </Checkbox>
        <Button type="primary" disabled={!saved} onClick={onDone}>
          {t('recovery.continue')}
        </Button>
      </Space>
    </>
  );
}
