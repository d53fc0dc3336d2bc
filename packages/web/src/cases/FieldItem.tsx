import type { FieldDefinition } from '@yiwang/contracts';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLang } from '../shell/lang.ts';

/** Longer texts than this get a text area. */
const SHORT_TEXT = 100;

/**
 * One field of a process's form or of an action, rendered from its definition: the required mark,
 * the length limit, a choice as a select, a date as a date picker (kept as YYYY-MM-DD). `parent`
 * is where the server reports it (`body.form.x` → ['form', 'x'], `body.input.x` → ['input', 'x']),
 * so its field errors land on it.
 */
export function FieldItem({ field, parent }: { field: FieldDefinition; parent: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rules = [
    ...(field.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []),
    ...(field.maxLength
      ? [{ max: field.maxLength, message: t('validation.too_long', { max: field.maxLength }) }]
      : []),
  ];
  const common = { name: [parent, field.name], label: field.label[lang], rules };
  switch (field.type) {
    case 'choice':
      return (
        <Form.Item {...common}>
          <Select
            placeholder={t('cases.choose')}
            options={(field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))}
          />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item
          {...common}
          rules={field.required ? [{ required: true, message: t('validation.required') }] : []}
        >
          <InputNumber precision={0} min={field.min} max={field.max} style={{ width: 200 }} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          {...common}
          rules={field.required ? [{ required: true, message: t('validation.required') }] : []}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          {(field.maxLength ?? 2000) > SHORT_TEXT ? (
            <Input.TextArea rows={4} maxLength={field.maxLength} showCount={Boolean(field.maxLength)} />
          ) : (
            <Input maxLength={field.maxLength} showCount={Boolean(field.maxLength)} />
          )}
        </Form.Item>
      );
  }
}
