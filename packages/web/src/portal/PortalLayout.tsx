import { LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { InboxBell } from '../inbox/InboxBell.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { isSignedIn, useMe } from '../shell/session.ts';
import { UserMenu } from '../shell/UserMenu.tsx';
import { portalSections } from './nav.ts';
import './portal.css';

export function PortalLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const current = portalSections.find((s) =>
    s.path === '/' ? pathname === '/' : pathname.startsWith(s.path),
  )?.key;
  return (
    <Layout className="portal">
      <header className="portal-banner">
        <Link to="/" className="portal-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>
            <Typography.Title level={1} className="portal-title">
              {t('site.name')}
            </Typography.Title>
            <span className="portal-slogan">{t('site.slogan')}</span>
          </span>
        </Link>
        <Space wrap>
          <LanguageSwitch ghost />
          {isSignedIn(me.data) ? (
            <>
              <InboxBell me={me.data} ghost />
              <UserMenu me={me.data} ghost showWorkbench afterSignOut="/" />
            </>
          ) : (
            <>
              <Link to="/login">
                <Button ghost icon={<LoginOutlined />}>
                  {t('nav.signIn')}
                </Button>
              </Link>
              <Link to="/register">
                <Button ghost>{t('nav.register')}</Button>
              </Link>
              <Link to="/workbench">
                <Button ghost icon={<UserOutlined />}>
                  {t('nav.workbench')}
                </Button>
              </Link>
            </>
          )}
        </Space>
      </header>
      <nav aria-label={t('nav.main')} className="portal-nav">
        <Menu
          mode="horizontal"
          selectedKeys={current ? [current] : []}
          items={portalSections.map((s) => ({
            key: s.key,
            label: <Link to={s.path}>{t(`nav.${s.key}`)}</Link>,
          }))}
        />
      </nav>
      <Layout.Content className="portal-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        <div>{t('footer.sponsor')}</div>
        <div>{t('footer.operator')}</div>
        <div>
          <Link to="/verify">{t('footer.verify')}</Link> · <Link to="/feedback">{t('footer.feedback')}</Link>{' '}
          · {t('footer.openSource')}
        </div>
      </Layout.Footer>
    </Layout>
  );
}
