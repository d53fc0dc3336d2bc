import type { Me } from '@yiwang/contracts';
import { Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { PasswordChangeForm } from '../auth/PasswordChangeForm.tsx';
import { useLang } from '../shell/lang.ts';
import { isSignedIn, useMe } from '../shell/session.ts';
import { SecondFactorCard } from './SecondFactorCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';

export const verificationColor = {
  self_declared: 'orange',
  staff_checked: 'green',
  provider_verified: 'blue',
};

export function VerificationTag({ level }: { level: string }) {
  const { t } = useTranslation();
  const color = verificationColor[level as keyof typeof verificationColor] ?? 'default';
  return <Tag color={color}>{t(`verification.${level}`, { defaultValue: level })}</Tag>;
}

function Profile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dash = t('account.none');
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'name', label: t('account.name'), children: me.displayName },
        { key: 'kind', label: t('account.kind'), children: t(`kind.${me.kind}`) },
        { key: 'id', label: t('account.idNumber'), children: me.idNumberMasked ?? dash },
        { key: 'mobile', label: t('account.mobile'), children: me.mobileMasked ?? dash },
        ...(me.kind === 'staff'
          ? []
          : [
              {
                key: 'level',
                label: t('account.verification'),
                children: (
                  <Space orientation="vertical" size={4}>
                    <VerificationTag level={me.verificationLevel} />
                    {me.verificationLevel === 'self_declared' && (
                      <Typography.Text type="secondary">{t('account.verifyHint')}</Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]),
        ...(me.kind === 'staff'
          ? [
              {
                key: 'roles',
                label: t('account.roles'),
                children: me.memberships.map((m) => (
                  <Tag key={m.id ?? `${m.roleCode}${m.orgUnitCode}`}>
                    {t(`roles.${m.roleCode}`, { defaultValue: m.roleCode })} · {m.orgUnitName[lang]}
                  </Tag>
                )),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 我的账号: who I am as the platform knows me, my password, my second factor and my sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Spin />;
  if (!isSignedIn(me.data)) return <Navigate to="/login?next=/account" replace />;
  return (
    <>
      <Typography.Title level={2}>{t('account.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('account.profile')}>
              <Profile me={me.data} />
            </Card>
            <SecondFactorCard me={me.data} />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.changePassword')}>
            <PasswordChangeForm />
          </Card>
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}

/** `/account` on the portal: staff keep their account page in the workbench. */
export function PortalAccountRoute() {
  const me = useMe();
  if (me.isPending) return <Spin />;
  if (me.data?.kind === 'staff' && isSignedIn(me.data)) return <Navigate to="/workbench/account" replace />;
  return <AccountPage />;
}
