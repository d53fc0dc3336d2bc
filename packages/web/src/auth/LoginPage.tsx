import type { Me } from '@yiwang/contracts';
import { Card, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../shell/session.ts';
import { EnrolSecondFactor } from './EnrolSecondFactor.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { SecondFactorStep } from './SecondFactorStep.tsx';

const stepOf = { second_factor: 1, enrol_second_factor: 1, password_change: 2, complete: 3 } as const;

/** Where a person goes once signed in: a safe `next` of their own side, or their home. */
export function destination(me: Me, next: string | null): string {
  const safe = next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
  if (me.kind === 'staff') return safe?.startsWith('/workbench') ? safe : '/workbench';
  return safe && !safe.startsWith('/workbench') && safe !== '/login' ? safe : '/';
}

/** 统一身份认证: the password, then whichever step the server asks for, with Steps to show where. */
export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const stage = me.data?.stage;

  useEffect(() => {
    if (me.data && stage === 'complete' && !recoveryCodes) {
      navigate(destination(me.data, params.get('next')), { replace: true });
    }
  }, [me.data, stage, recoveryCodes, navigate, params]);

  const body = () => {
    if (recoveryCodes)
      return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(undefined)} />;
    if (stage === 'second_factor') return <SecondFactorStep />;
    if (stage === 'enrol_second_factor' && me.data) {
      return (
        <EnrolSecondFactor
          userId={me.data.userId}
          intro={t('enrol.requiredIntro')}
          onCodes={setRecoveryCodes}
        />
      );
    }
    if (stage === 'password_change') return <PasswordChangeForm forced />;
    if (stage === 'complete') return <Spin />;
    return <PasswordStep />;
  };

  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('login.title')}</Typography.Title>
      <Steps
        size="small"
        style={{ margin: '8px 0 32px' }}
        current={recoveryCodes ? 1 : stage ? stepOf[stage] : 0}
        items={[
          { title: t('login.steps.password') },
          { title: t('login.steps.verify') },
          { title: t('login.steps.newPassword') },
          { title: t('login.steps.done') },
        ]}
      />
      {me.isPending ? <Spin /> : body()}
    </Card>
  );
}
