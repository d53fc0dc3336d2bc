import type { Me } from '@yiwang/contracts';
import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EnrolSecondFactor } from '../auth/EnrolSecondFactor.tsx';
import { RecoveryCodes } from '../auth/RecoveryCodes.tsx';

/** The authenticator app: shown as on, or enrolled here (optional for people, required for staff). */
export function SecondFactorCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const content = () => {
    if (codes) {
      return (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(undefined);
            setEnrolling(false);
          }}
        />
      );
    }
    if (me.secondFactorEnabled)
      return <Typography.Paragraph>{t('account.secondFactorOnText')}</Typography.Paragraph>;
    if (enrolling)
      return <EnrolSecondFactor userId={me.userId} intro={t('enrol.optionalIntro')} onCodes={setCodes} />;
    return (
      <>
        <Typography.Paragraph>{t('account.secondFactorOffText')}</Typography.Paragraph>
        <Button type="primary" onClick={() => setEnrolling(true)}>
          {t('account.enrol')}
        </Button>
      </>
    );
  };
  return (
    <Card
      title={t('account.secondFactor')}
      extra={
        me.secondFactorEnabled ? (
          <Tag color="green">{t('account.secondFactorOn')}</Tag>
        ) : (
          <Tag>{t('account.secondFactorOff')}</Tag>
        )
      }
    >
      {content()}
    </Card>
  );
}
