import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  type CaProfile,
  type CertificateStatus,
  type CertificateSummary,
  caProfileSchema,
  certificateStatusSchema,
} from '@yiwang/contracts';
import { Alert, App, Button, Dropdown, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateUrl, listCertificates, renewCertificate } from '../api/ca.ts';
import { beijingDate, beijingDateTime, beijingDay } from '../shell/dates.ts';
import { useProblemMessages } from '../shell/problems.ts';
import { AlgorithmTag, StatusTag, SubjectName } from './parts.tsx';
import { RevokeModal } from './RevokeModal.tsx';

const PAGE_SIZE = 20;
/** The certificates an administrator manages one by one; the CAs' own are managed by the CLI. */
const HOLDER_PROFILES = new Set<CaProfile>(['seal', 'staff', 'business']);

/** 证书列表: every certificate this CA issued, filtered, with downloads, renewal and revocation. */
export function CertificateTable({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message, modal } = App.useApp();
  const { describe } = useProblemMessages();
  const [profile, setProfile] = useState<CaProfile>();
  const [status, setStatus] = useState<CertificateStatus>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<CertificateSummary>();
  const filter = { profile, status, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({
    queryKey: ['ca', 'certificates', filter],
    queryFn: () => listCertificates(filter),
    placeholderData: keepPreviousData,
  });
  const renew = useMutation({
    mutationFn: (c: CertificateSummary) => renewCertificate(c.id),
    onSuccess: (c) => {
      message.success(t('ca.renewed', { serial: c.serial }));
      onChanged();
    },
    onError: (error) => message.error(describe(error)),
  });
  const confirmRenew = (c: CertificateSummary) =>
    modal.confirm({
      title: t('ca.renewTitle'),
      content: t('ca.renewText', { subject: c.subject }),
      okText: t('ca.renew'),
      cancelText: t('common.cancel'),
      onOk: () => renew.mutateAsync(c).catch(() => undefined),
    });
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('ca.searchPlaceholder')}
          aria-label={t('ca.search')}
          onSearch={filtered((v: string) => setQ(v.trim()))}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          placeholder={t('ca.anyProfile')}
          aria-label={t('ca.anyProfile')}
          style={{ width: 160 }}
          value={profile}
          onChange={filtered(setProfile)}
          options={caProfileSchema.options.map((p) => ({ value: p, label: t(`ca.profile.${p}`) }))}
        />
        <Select
          allowClear
          placeholder={t('ca.anyStatus')}
          aria-label={t('ca.anyStatus')}
          style={{ width: 140 }}
          value={status}
          onChange={filtered(setStatus)}
          options={certificateStatusSchema.options.map((s) => ({ value: s, label: t(`ca.status.${s}`) }))}
        />
      </Space>
      {list.isError && (
        <Alert type="error" showIcon title={describe(list.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<CertificateSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('ca.columns.subject'),
            width: 220,
            render: (_, c) => <SubjectName dn={c.subject} issuer={c.issuer} />,
          },
          {
            title: t('ca.columns.profile'),
            render: (_, c) => <Tag>{t(`ca.profile.${c.profile}`)}</Tag>,
          },
          {
            title: t('ca.columns.algorithm'),
            render: (_, c) => <AlgorithmTag algorithm={c.algorithm} />,
          },
          {
            title: t('ca.columns.serial'),
            render: (_, c) => (
              <Typography.Text code copyable={{ text: c.serial }} title={c.serial} className="serial">
                {c.serial.length > 12 ? `${c.serial.slice(0, 12)}…` : c.serial}
              </Typography.Text>
            ),
          },
          {
            title: t('ca.columns.validity'),
            render: (_, c) => (
              <span
                className="nowrap"
                title={t('ca.validity', {
                  from: beijingDate(c.notBefore, lang),
                  to: beijingDate(c.notAfter, lang),
                })}
              >
                {beijingDay(c.notBefore)}
                <br />
                {beijingDay(c.notAfter)}
              </span>
            ),
          },
          {
            title: t('ca.columns.status'),
            render: (_, c) =>
              c.revokedAt ? (
                <Tooltip
                  title={`${beijingDateTime(c.revokedAt, lang)} · ${t(`ca.reason.${c.revocationReason ?? 'unspecified'}`)}`}
                >
                  <Space orientation="vertical" size={0}>
                    <StatusTag status={c.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`ca.reason.${c.revocationReason ?? 'unspecified'}`)}
                    </Typography.Text>
                  </Space>
                </Tooltip>
              ) : (
                <StatusTag status={c.status} />
              ),
          },
          {
            title: (
              <Tooltip title={t('ca.retainHelp')}>
                <span>
                  {t('ca.columns.retainUntil')} <QuestionCircleOutlined />
                </span>
              </Tooltip>
            ),
            render: (_, c) => (
              <span className="nowrap" title={beijingDate(c.retainUntil, lang)}>
                {beijingDay(c.retainUntil)}
              </span>
            ),
          },
          {
            title: t('ca.columns.actions'),
            width: 130,
            render: (_, c) => (
              <Space size={0} wrap>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      {
                        key: 'cer',
                        label: (
                          <a href={certificateUrl(c.serial, 'cer')} download>
                            {t('ca.downloadCer')}
                          </a>
                        ),
                      },
                      {
                        key: 'pem',
                        label: (
                          <a href={certificateUrl(c.serial, 'pem')} download>
                            {t('ca.downloadPem')}
                          </a>
                        ),
                      },
                    ],
                  }}
                >
                  <Button
                    size="small"
                    type="text"
                    icon={<DownloadOutlined />}
                    aria-label={t('ca.download')}
                    title={t('ca.download')}
                  />
                </Dropdown>
                {HOLDER_PROFILES.has(c.profile) && (
                  <Button size="small" type="link" onClick={() => confirmRenew(c)}>
                    {t('ca.renew')}
                  </Button>
                )}
                {HOLDER_PROFILES.has(c.profile) && c.status !== 'revoked' && (
                  <Button size="small" type="link" danger onClick={() => setRevoking(c)}>
                    {t('ca.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {revoking && (
        <RevokeModal
          certificate={revoking}
          onClose={() => setRevoking(undefined)}
          onDone={() => {
            setRevoking(undefined);
            message.success(t('ca.revoked'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
