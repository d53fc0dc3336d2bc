import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { FeedbackPage } from './portal/FeedbackPage.tsx';
import { HomePage } from './portal/HomePage.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { SectionPage } from './portal/SectionPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { WorkbenchLayout } from './workbench/WorkbenchLayout.tsx';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } });

// Each area is its own route tree; the workbench and admin console grow beside the portal.
const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'services', element: <SectionPage section="services" /> },
      { path: 'open-government', element: <SectionPage section="openGov" /> },
      { path: 'interaction', element: <SectionPage section="interaction" /> },
      { path: 'tracking', element: <SectionPage section="tracking" /> },
      { path: 'feedback', element: <FeedbackPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '/workbench/*', element: <WorkbenchLayout /> },
]);

const theme = { token: { colorPrimary: '#b71c1c', borderRadius: 4 } };

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
