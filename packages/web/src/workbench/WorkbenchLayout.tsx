import { DashboardOutlined, DownOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';

/** The staff side: a side menu of the systems a person may use, and their account menu. */
export function WorkbenchLayout() {
  const { t } = useTranslation();
  const userMenu = {
    items: [
      { key: 'portal', icon: <HomeOutlined />, label: <Link to="/">{t('workbench.backToPortal')}</Link> },
    ],
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={220}>
        <div style={{ padding: 16, fontWeight: 600 }}>
          {t('site.short')} · {t('workbench.title')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={['overview']}
          items={[{ key: 'overview', icon: <DashboardOutlined />, label: t('workbench.overview') }]}
        />
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
            <LanguageSwitch />
            <Dropdown menu={userMenu}>
              <Button icon={<UserOutlined />}>
                {t('workbench.notSignedIn')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Result
            status="403"
            title={t('workbench.signInPendingTitle')}
            subTitle={t('workbench.signInPendingText')}
            extra={
              <Link to="/">
                <Button type="primary">{t('workbench.backToPortal')}</Button>
              </Link>
            }
          />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
