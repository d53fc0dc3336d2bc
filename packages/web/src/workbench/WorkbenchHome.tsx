import { Card, Col, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../shell/lang.ts';
import { useMe } from '../shell/session.ts';
import { pagesFor } from './nav.tsx';

const reachColor = { unit: 'default', subtree: 'geekblue', line: 'purple' } as const;

/** 工作台首页: who I am here, in which units and roles, and the systems open to me. */
export function WorkbenchHome() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data;
  if (!me) return null;
  const systems = pagesFor(me).filter((p) => p.key !== 'overview');
  return (
    <>
      <Typography.Title level={2}>{t('workbench.welcome', { name: me.displayName })}</Typography.Title>
      <Card title={t('workbench.myRoles')} style={{ marginBottom: 16 }}>
        {me.memberships.length === 0 && (
          <Typography.Text type="secondary">{t('workbench.noRoles')}</Typography.Text>
        )}
        {me.memberships.map((m) => (
          <Tag
            key={m.id ?? `${m.roleCode}-${m.orgUnitCode}`}
            color={reachColor[m.reach]}
            style={{ marginBottom: 8 }}
          >
            {t(`roles.${m.roleCode}`, { defaultValue: m.roleCode })} · {m.orgUnitName[lang]} ·{' '}
            {t(`reach.${m.reach}`)}
          </Tag>
        ))}
      </Card>
      <Row gutter={[16, 16]}>
        {systems.map((p) => (
          <Col xs={24} sm={12} lg={6} key={p.key}>
            <Link to={p.path}>
              <Card hoverable>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#b71c1c' }}>{p.icon}</span>}
                  title={t(`workbench.pages.${p.key}`)}
                  description={t(`workbench.describe.${p.key}`)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
