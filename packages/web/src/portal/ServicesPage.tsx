import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProcesses } from '../cases/caseParts.tsx';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

/** 办事服务: the processes one can file online, with their legal time limits. */
export function ServicesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const processes = useProcesses();
  return (
    <>
      <Typography.Title level={2}>{t('nav.services')}</Typography.Title>
      <Typography.Paragraph>{t('apply.servicesIntro')}</Typography.Paragraph>
      {processes.isPending && <Spin />}
      {processes.isError && <Alert type="error" showIcon title={describe(processes.error)} />}
      <Row gutter={[16, 16]}>
        {(processes.data ?? []).map((p) => (
          <Col xs={24} md={12} key={p.code}>
            <Card
              title={p.name[lang]}
              actions={[
                <Link key="apply" to={`/apply/${p.code}`}>
                  <Button type="primary" icon={<FormOutlined />}>
                    {t('apply.applyOnline')}
                  </Button>
                </Link>,
              ]}
            >
              <Space orientation="vertical" size={4}>
                {p.clocks.map((c) => (
                  <span key={c.code}>
                    {t('apply.limit', {
                      label: c.label[lang],
                      limit: c.limit,
                      unit: t(`cases.units.${c.unit}`, { count: c.limit }),
                      basis: c.basis,
                    })}
                  </span>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
