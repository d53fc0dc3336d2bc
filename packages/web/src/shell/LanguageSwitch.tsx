import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en-US' ? 'zh-CN' : 'en-US';
  return (
    <Button
      ghost={ghost}
      icon={<GlobalOutlined />}
      title={t('lang.label')}
      lang={next}
      onClick={() => setLanguage(next)}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
