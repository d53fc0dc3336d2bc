import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaseList } from './CaseList.tsx';

/** 我的待办: the cases the staff member may act on now, the nearest due first. */
export function CaseQueuePage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.cases')}</Typography.Title>
      <Card>
        <CaseList area="workbench" />
      </Card>
    </>
  );
}
