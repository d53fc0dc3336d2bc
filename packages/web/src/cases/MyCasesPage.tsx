import { AppstoreOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../shell/lang.ts';
import { CaseList } from './CaseList.tsx';
import { directProcesses, useProcesses } from './caseParts.tsx';

/** 我的办件: an applicant's own cases, open ones first, and where to file a new one. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const processes = directProcesses(useProcesses().data ?? []);
  return (
    <>
      <Typography.Title level={2}>{t('cases.mine')}</Typography.Title>
      <Card
        extra={
          <Space wrap>
            <Link to="/services">
              <Button type="primary" icon={<AppstoreOutlined />}>
                {t('nav.services')}
              </Button>
            </Link>
            {processes.map((p) => (
              <Link key={p.code} to={`/apply/${p.code}`}>
                <Button icon={<FormOutlined />}>{t('apply.applyFor', { name: p.name[lang] })}</Button>
              </Link>
            ))}
          </Space>
        }
        title={t('cases.mineIntro')}
      >
        <CaseList area="portal" />
      </Card>
    </>
  );
}
