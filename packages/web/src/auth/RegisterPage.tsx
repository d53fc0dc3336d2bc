import { Button, Card, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusinessForm, CitizenForm } from './RegisterForms.tsx';

/** 注册: people under their real name and ID number, businesses under their credit code. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<'citizen' | 'business'>();
  if (done) {
    return (
      <Card style={{ maxWidth: 720, margin: '0 auto' }}>
        <Result
          status="success"
          title={t('register.doneTitle')}
          subTitle={
            <>
              <Typography.Paragraph>{t('register.selfDeclared')}</Typography.Paragraph>
              <Typography.Paragraph>
                {done === 'citizen' ? t('register.signInWithId') : t('register.signInWithCode')}
              </Typography.Paragraph>
            </>
          }
          extra={
            <Link to="/login">
              <Button type="primary">{t('register.goSignIn')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('register.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'citizen',
            label: t('register.citizen'),
            children: <CitizenForm onDone={() => setDone('citizen')} />,
          },
          {
            key: 'business',
            label: t('register.business'),
            children: <BusinessForm onDone={() => setDone('business')} />,
          },
        ]}
      />
      <Typography.Paragraph>
        {t('register.haveAccount')} <Link to="/login">{t('register.goSignIn')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
