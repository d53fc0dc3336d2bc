import type { CaseDetail, ServiceVersion } from '@yiwang/contracts';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../shell/lang.ts';
import { fieldValueText } from './caseParts.tsx';

type Row = { key: string; label: string; value: string };

/** A value of a schema form as a person reads it: a list of choices joined, a yes or no. */
function schemaValueText(value: unknown, lang: 'zh' | 'en', yes: string, no: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value))
    return value.map((v) => schemaValueText(v, lang, yes, no)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'boolean') return value ? yes : no;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * The rows of a licence application: the service form's fields in its order (uiSchema `ui:order`),
 * titled from its schema; fields the form does not know come last, by name.
 */
function schemaRows(
  detail: CaseDetail,
  service: ServiceVersion | undefined,
  lang: 'zh' | 'en',
  yes: string,
  no: string,
) {
  const properties = (service?.formSchema.properties ?? {}) as Record<string, { title?: string }>;
  const order = (service?.uiSchema['ui:order'] as string[] | undefined) ?? Object.keys(properties);
  const known = order.filter((k) => k !== '*' && k in properties);
  const rest = Object.keys(detail.form)
    .filter((k) => !known.includes(k))
    .sort();
  return [...known, ...rest]
    .filter((k) => k in detail.form || k in properties)
    .map(
      (k): Row => ({
        key: k,
        label: properties[k]?.title ?? k,
        value: schemaValueText(detail.form[k], lang, yes, no),
      }),
    );
}

/** 申请内容: what the applicant filled in, from the process's fields or the service's form. */
export function FormValuesCard({ detail, service }: { detail: CaseDetail; service?: ServiceVersion }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: Row[] =
    detail.formFields.length > 0
      ? detail.formFields.map((f) => ({
          key: f.name,
          label: f.label[lang],
          value: fieldValueText(f, detail.form[f.name], lang),
        }))
      : schemaRows(detail, service, lang, t('common.yes'), t('common.no'));
  return (
    <Card title={t('cases.formValues')} style={{ height: '100%' }}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={rows.map((r) => ({
          key: r.key,
          label: r.label,
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.value}</span>,
        }))}
      />
    </Card>
  );
}
