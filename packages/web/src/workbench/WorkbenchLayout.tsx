import { HomeOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { InboxBell } from '../inbox/InboxBell.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { isSignedIn, useMe } from '../shell/session.ts';
import { UserMenu } from '../shell/UserMenu.tsx';
import { mayUse, pagesFor } from './nav.tsx';

/** The staff side: a side menu of the systems a person may use, and their account menu. */
export function WorkbenchLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  if (me.isPending) return <Spin fullscreen />;
  if (!isSignedIn(me.data)) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (me.data.kind !== 'staff') return <Navigate to="/" replace />;
  const pages = pagesFor(me.data);
  const selected = [...pages].reverse().find((p) => pathname.startsWith(p.path))?.key ?? 'overview';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={220}>
        <div style={{ padding: 16, fontWeight: 600 }}>
          {t('site.short')} · {t('workbench.title')}
        </div>
        <nav aria-label={t('workbench.menu')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={pages.map((p) => ({
              key: p.key,
              icon: p.icon,
              label: <Link to={p.path}>{t(`workbench.pages.${p.key}`)}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            padding: '0 24px',
          }}
        >
          <Typography.Title level={1} style={{ margin: 0, fontSize: 18 }}>
            {t('site.name')}
          </Typography.Title>
          <Space>
            <Link to="/">
              <Button type="text" icon={<HomeOutlined />}>
                {t('workbench.backToPortal')}
              </Button>
            </Link>
            <LanguageSwitch />
            <InboxBell me={me.data} />
            <UserMenu me={me.data} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** A page for one role (or any of several): anyone else is told plainly, and the server refuses them anyway. */
export function RequireRole({ roleCode, children }: { roleCode: string | string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (mayUse(me.data, Array.isArray(roleCode) ? roleCode : [roleCode])) return children;
  return (
    <Result
      status="403"
      title={t('workbench.forbiddenTitle')}
      subTitle={t('workbench.forbiddenText')}
      extra={
        <Link to="/workbench">
          <Button type="primary">{t('workbench.pages.overview')}</Button>
        </Link>
      }
    />
  );
}
