import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Input, List, Row, Segmented, Space, Switch, Tag, Typography } from 'antd';
import type { Key } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUnits, type OrgTree as TreeKind } from '../api/orgs.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { OrgDetail } from './OrgDetail.tsx';
import { OrgTree, UnitName } from './OrgTree.tsx';

/** 机构管理: the territorial (块) and line (条) trees side by side with one unit's detail. */
export function OrgConsolePage() {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const [tree, setTree] = useState<TreeKind>('territorial');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [q, setQ] = useState('');
  const [selectedId, setSelectedId] = useState<string>();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [version, setVersion] = useState(0);
  const search = useQuery({
    queryKey: ['orgs', 'search', tree, q, includeRetired, version],
    queryFn: () => listUnits({ tree, q, includeRetired }),
    enabled: q.length > 0,
  });
  return (
    <>
      <Typography.Title level={2}>{t('workbench.pages.orgs')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Segmented<TreeKind>
                block
                value={tree}
                onChange={(next) => {
                  setTree(next);
                  setExpanded([]);
                }}
                options={[
                  { value: 'territorial', label: t('orgs.territorial') },
                  { value: 'line', label: t('orgs.line') },
                ]}
              />
              <Input.Search
                allowClear
                placeholder={t('orgs.searchPlaceholder')}
                aria-label={t('orgs.search')}
                enterButton={t('orgs.search')}
                onSearch={(value) => setQ(value.trim())}
              />
              <Space>
                <Switch
                  checked={includeRetired}
                  onChange={setIncludeRetired}
                  aria-label={t('orgs.includeRetired')}
                />
                <span>{t('orgs.includeRetired')}</span>
              </Space>
              {q ? (
                search.isError ? (
                  <Alert type="error" showIcon title={describe(search.error)} />
                ) : (
                  <List
                    header={t('orgs.searchResults', { q })}
                    loading={search.isPending}
                    dataSource={search.data ?? []}
                    locale={{ emptyText: <Empty description={t('orgs.noMatch')} /> }}
                    renderItem={(u) => (
                      <List.Item
                        onClick={() => setSelectedId(u.id)}
                        style={{ cursor: 'pointer', background: u.id === selectedId ? '#fff1f0' : undefined }}
                      >
                        <Space>
                          <Tag>{t(`orgs.kind.${u.kind}`)}</Tag>
                          <Typography.Link>
                            <UnitName unit={{ ...u, childCount: 0 }} />
                          </Typography.Link>
                          <Typography.Text type="secondary">{u.code}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                )
              ) : (
                <OrgTree
                  key={version}
                  tree={tree}
                  includeRetired={includeRetired}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  expandedKeys={expanded}
                  onExpand={setExpanded}
                />
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selectedId ? (
            <OrgDetail id={selectedId} onSelect={setSelectedId} onChanged={() => setVersion((v) => v + 1)} />
          ) : (
            <Card>
              <Empty description={t('orgs.pickOne')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
