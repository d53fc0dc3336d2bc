import { FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ServiceFilter } from '../api/services.ts';
import { directProcesses, useProcesses } from '../cases/caseParts.tsx';
import { type Browse, CatalogueFilters } from '../services/CatalogueFilters.tsx';
import { ServiceList } from '../services/ServiceList.tsx';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

const BROWSE: Browse[] = ['department', 'theme', 'lifeEvent'];

/** The processes filed directly (a disclosure request), beside the licensing catalogue. */
function OtherProcesses() {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  const processes = useProcesses();
  const direct = directProcesses(processes.data ?? []);
  if (processes.isError) return <Alert type="error" showIcon title={describe(processes.error)} />;
  if (direct.length === 0) return null;
  return (
    <Card title={t('services.otherTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('services.otherIntro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {direct.map((p) => (
          <Col xs={24} md={12} key={p.code}>
            <Card
              size="small"
              type="inner"
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
    </Card>
  );
}

/** 办事服务: the catalogue of services by department, theme and life event, searchable; and other requests. */
export function ServicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [browse, setBrowse] = useState<Browse>(() => {
    const from = params.get('by') as Browse | null;
    return from && BROWSE.includes(from) ? from : 'department';
  });
  const filter: ServiceFilter = {
    q: params.get('q') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    theme: params.get('theme') ?? undefined,
    lifeEvent: params.get('lifeEvent') ?? undefined,
  };
  // The filter lives in the address, so a search can be shared, bookmarked and gone back to.
  const change = (f: ServiceFilter, by: Browse = browse) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
    if (by !== 'department') next.set('by', by);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Typography.Title level={2}>{t('nav.services')}</Typography.Title>
      <Typography.Paragraph>{t('services.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <CatalogueFilters
          browse={browse}
          filter={filter}
          onBrowse={(b) => {
            setBrowse(b);
            change({ q: filter.q }, b);
          }}
          onChange={(f) => change(f)}
        />
      </Card>
      <Card>
        <ServiceList filter={filter} />
      </Card>
      <OtherProcesses />
    </>
  );
}
