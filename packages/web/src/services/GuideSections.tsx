import type { ServiceVersion } from '@yiwang/contracts';
import { Descriptions, Popover, Space, Steps, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../shell/lang.ts';
import { formatNames, sizeText } from './format.ts';

type Material = ServiceVersion['materials'][number];

/** Labels on one line, so a column of them reads as a form. */
const LABEL = { label: { whiteSpace: 'nowrap' as const, width: 1 } };

/** Statute text as written: one paragraph per line. */
export function LegalText({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line) => (
        <Typography.Paragraph key={line} style={{ marginBottom: 8 }}>
          {line}
        </Typography.Paragraph>
      ))}
    </>
  );
}

/** 申请材料: each material, whether it is required, its formats and size, notes and a sample. */
export function MaterialsTable({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table<Material>
      rowKey="slot"
      size="small"
      pagination={false}
      dataSource={service.materials}
      locale={{ emptyText: t('guide.noMaterials') }}
      columns={[
        {
          title: '#',
          width: 48,
          render: (_, __, i) => i + 1,
        },
        { title: t('guide.materialName'), render: (_, m) => m.name[lang] },
        {
          title: t('guide.requirement'),
          render: (_, m) => (
            <Tag color={m.required ? 'red' : 'default'}>
              {t(m.required ? 'guide.required' : 'guide.optional')}
            </Tag>
          ),
        },
        {
          title: t('guide.formats'),
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <span>{formatNames(m.formats, lang)}</span>
              {m.maxBytes && (
                <Typography.Text type="secondary">
                  {t('guide.maxSize', { size: sizeText(m.maxBytes) })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('guide.notes'),
          render: (_, m) => (
            <Space orientation="vertical" size={4} style={{ maxWidth: 420 }}>
              {m.note && <span>{m.note}</span>}
              {m.sampleText && (
                <Popover
                  title={t('guide.sample')}
                  content={<div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{m.sampleText}</div>}
                >
                  <Typography.Link>{t('guide.sample')}</Typography.Link>
                </Popover>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 办理时限: the legal and committed limits, their basis, the extension and on-the-spot handling. */
export function TimeLimits({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const limit = service.timeLimit;
  const days = (count: number) => t('services.workingDays', { count });
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={LABEL}
        items={[
          { key: 'legal', label: t('guide.legal'), children: <strong>{days(limit.limit)}</strong> },
          { key: 'basis', label: t('guide.timeBasis'), children: limit.basis },
          {
            key: 'committed',
            label: t('guide.committed'),
            children:
              service.committedDays !== null ? (
                <strong>{days(service.committedDays)}</strong>
              ) : (
                t('guide.committedNone')
              ),
          },
          {
            key: 'extension',
            label: t('guide.extension'),
            children:
              limit.extendBy > 0
                ? t('guide.extensionText', { count: limit.extendBy })
                : t('guide.noExtension'),
          },
          ...(limit.joint
            ? [{ key: 'joint', label: '', children: t('guide.joint', { count: limit.limit }) }]
            : []),
          ...(service.onTheSpot
            ? [{ key: 'spot', label: t('services.onTheSpot'), children: t('guide.onTheSpotText') }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('guide.daysNote')}
      </Typography.Paragraph>
    </>
  );
}

/** 办理流程: the licence procedure, with the steps this service adds (verification by two, hearings). */
export function Procedure({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const step = (key: string, text = `${key}Text`) => ({
    title: t(`guide.steps.${key}`),
    content: t(`guide.steps.${text}`),
    status: 'process' as const,
  });
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={-1}
      items={[
        step('apply'),
        step('accept'),
        step('review', service.substantiveCheck ? 'reviewTwo' : 'reviewText'),
        ...(service.hearingRights ? [step('hearing')] : []),
        step('decide'),
        step('deliver'),
      ]}
    />
  );
}

/** 收费: 不收费 with its basis, or the amount and the law that sets it. */
export function Fee({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const { fee } = service;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={LABEL}
      items={[
        {
          key: 'fee',
          label: t('guide.fee'),
          children: fee.charged ? (
            t('guide.amount', { amount: fee.amountYuan })
          ) : (
            <strong>{t('guide.free')}</strong>
          ),
        },
        { key: 'basis', label: t('guide.feeBasis'), children: fee.basis },
      ]}
    />
  );
}

/** 办理地点、适用区域与咨询方式. */
export function PlaceAndContact({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={LABEL}
      items={[
        { key: 'unit', label: t('guide.unit'), children: service.owningUnit.name[lang] },
        {
          key: 'divisions',
          label: t('guide.divisions'),
          children: service.divisions
            .map((d) => (lang === 'zh' ? `${d.name}（${d.code}）` : `${d.name} (${d.code})`))
            .join(lang === 'zh' ? '、' : ', '),
        },
        { key: 'contact', label: t('guide.contact'), children: service.contact },
      ]}
    />
  );
}

/** The fields of the application form, by their titles. */
export function FormPreview({ service }: { service: ServiceVersion }) {
  const { t } = useTranslation();
  const properties = (service.formSchema.properties ?? {}) as Record<string, { title?: string }>;
  const required = new Set((service.formSchema.required as string[] | undefined) ?? []);
  const order = (service.uiSchema['ui:order'] as string[] | undefined) ?? [];
  const names = [
    ...order.filter((n) => n in properties),
    ...Object.keys(properties).filter((n) => !order.includes(n)),
  ];
  const entries = names.map((n) => [n, properties[n] ?? {}] as const);
  return (
    <Space orientation="vertical" size={8}>
      <Typography.Text type="secondary">{t('guide.formFields', { count: entries.length })}</Typography.Text>
      <Space wrap size={[4, 8]}>
        {entries.map(([name, p]) => (
          <Tag key={name} color={required.has(name) ? 'red' : undefined}>
            {p.title ?? name}
          </Tag>
        ))}
      </Space>
    </Space>
  );
}
