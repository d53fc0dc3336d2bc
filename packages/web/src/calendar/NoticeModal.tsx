import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarYear, EnterCalendarVersion, enteredCalendarVersionSchema } from '@yiwang/contracts';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { enterCalendarVersion } from '../api/calendar.ts';
import { ApiProblem } from '../api/client.ts';
import { legalDate, ModalError, useModalMutation } from '../orgs/formParts.tsx';
import { expandRanges, type NamedRange, rangesOf, suggestVersionId } from './noticeRanges.ts';

type RangeRow = { range?: [Dayjs, Dayjs]; name?: string };
type Values = {
  id: string;
  note: string;
  source: string;
  issuedOn?: Dayjs;
  holidays: RangeRow[];
  workdays: RangeRow[];
};
export type Entered = z.infer<typeof enteredCalendarVersionSchema>;

const asRows = (ranges: NamedRange[]): RangeRow[] =>
  ranges.map((r) => ({ range: [dayjs(r.from), dayjs(r.to)], name: r.name }));
const asRanges = (rows: RangeRow[]): NamedRange[] =>
  rows.flatMap((r) =>
    r.range && r.name ? [{ from: legalDate(r.range[0]), to: legalDate(r.range[1]), name: r.name }] : [],
  );

type RangeListProps = { name: 'holidays' | 'workdays'; label: string; addLabel: string; year: number };

function RangeList({ name, label, addLabel, year }: RangeListProps) {
  const { t } = useTranslation();
  // The pickers open on the notice's year, not on today's.
  const opening = dayjs(`${year}-01-01`);
  const required = { required: true, message: t('validation.required') };
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'range']} rules={[required]}>
                  <DatePicker.RangePicker
                    aria-label={t('calendar.dates')}
                    defaultPickerValue={[opening, opening]}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[required, { max: 20, message: t('validation.too_long', { max: 20 }) }]}
                >
                  <Input
                    placeholder={t('calendar.holidayNamePlaceholder')}
                    style={{ width: 160 }}
                    aria-label={t('calendar.holidayName')}
                  />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('calendar.removeRow')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Enter (or correct) one year's holiday notice as a new calendar version. */
export function NoticeModal({
  year,
  onClose,
  onDone,
}: {
  year: CalendarYear;
  onClose: () => void;
  onDone: (entered: Entered) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const send = (v: Values) => {
    const input: EnterCalendarVersion = {
      id: v.id.trim(),
      note: v.note.trim(),
      notices: [
        {
          year: year.year,
          holidays: expandRanges(asRanges(v.holidays ?? [])),
          workdays: expandRanges(asRanges(v.workdays ?? [])),
          source: v.source.trim(),
          ...(v.issuedOn ? { issuedOn: legalDate(v.issuedOn) } : {}),
        },
      ],
    };
    return enterCalendarVersion(input);
  };
  const mutation = useModalMutation(form, send, onDone);
  const prefill = rangesOf(year);
  // The server checks the whole notice; what it finds wrong belongs to no single field here.
  const noticeErrors =
    mutation.error instanceof ApiProblem
      ? (mutation.error.problem.errors ?? []).filter((e) => e.field.startsWith('body.notices'))
      : [];
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open
      width={760}
      title={t('calendar.enterTitle', { year: year.year })}
      okText={t('calendar.enterOk')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('calendar.enterIntro')}</Typography.Paragraph>
      {!year.provisional && (
        <Alert
          type="info"
          showIcon
          title={t('calendar.replaceNote', { year: year.year })}
          style={{ marginBottom: 16 }}
        />
      )}
      <ModalError error={mutation.error} />
      {noticeErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('calendar.noticeInvalid')}
          description={noticeErrors.map((e) => e.message).join('; ')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{
          id: suggestVersionId(year.year),
          holidays: asRows(prefill.holidays),
          workdays: asRows(prefill.workdays),
        }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Space wrap size={16} style={{ width: '100%' }}>
          <Form.Item
            name="source"
            label={t('calendar.source')}
            rules={[required, { min: 2, message: t('validation.too_small') }]}
          >
            <Input placeholder={t('calendar.sourcePlaceholder')} style={{ width: 280 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('calendar.issuedOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <RangeList
          name="holidays"
          year={year.year}
          label={t('calendar.holidays')}
          addLabel={t('calendar.addHoliday')}
        />
        <RangeList
          name="workdays"
          year={year.year}
          label={t('calendar.workdays')}
          addLabel={t('calendar.addWorkday')}
        />
        <Form.Item
          name="id"
          label={t('calendar.versionId')}
          extra={t('calendar.versionIdHelp')}
          rules={[
            required,
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/, message: t('calendar.versionIdFormat') },
          ]}
        >
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('calendar.note')}
          rules={[required, { min: 2, message: t('validation.too_small') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('calendar.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
