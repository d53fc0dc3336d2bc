import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortalSection } from './nav.ts';

/** A portal section whose module has not gone live: say so plainly, and point home. */
export function SectionPage({ section }: { section: PortalSection }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t(`nav.${section}`)}</Typography.Title>
      <Result
        status="info"
        title={t('section.preparing')}
        subTitle={t('section.preparingText')}
        extra={
          <Link to="/">
            <Button type="primary">{t('section.backHome')}</Button>
          </Link>
        }
      />
    </>
  );
}
