import type { OrgUnit } from '@yiwang/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { mergeUnit, renameUnit, retireUnit } from '../api/orgs.ts';
import { useLang } from '../shell/lang.ts';
import { DateField, legalDate, ModalError, useModalMutation } from './formParts.tsx';
import { UnitPicker } from './UnitPicker.tsx';

export type UnitChange = 'rename' | 'retire' | 'merge';

type Values = {
  nameZh: string;
  nameEn: string;
  effectiveOn: Dayjs;
  reason: string;
  successorId?: string;
  intoId?: string;
};

function send(change: UnitChange, id: string, v: Values) {
  const base = { effectiveOn: legalDate(v.effectiveOn), reason: v.reason };
  if (change === 'rename') return renameUnit(id, { ...base, nameZh: v.nameZh, nameEn: v.nameEn });
  if (change === 'retire') return retireUnit(id, { ...base, successorId: v.successorId ?? null });
  return mergeUnit(id, { ...base, intoId: v.intoId ?? '' });
}

type Props = { change: UnitChange; unit: OrgUnit; onClose: () => void; onDone: () => void };

/** Rename (the old name is kept), retire (optionally naming a successor) or merge into another unit. */
export function UnitChangeModal({ change, unit, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const mutation = useModalMutation(form, (v: Values) => send(change, unit.id, v), onDone);
  const required = [{ required: true, message: t('validation.required') }];
  const other = change === 'retire' ? 'successorId' : 'intoId';
  return (
    <Modal
      open
      title={`${t(`orgs.actions.${change}`)}：${unit.name[lang]}`}
      okText={t(`orgs.actions.${change}`)}
      okButtonProps={{ danger: change !== 'rename' }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {change !== 'rename' && (
        <Alert type="warning" showIcon title={t(`orgs.${change}Warning`)} style={{ marginBottom: 16 }} />
      )}
      <ModalError error={mutation.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nameZh: unit.name.zh, nameEn: unit.name.en, effectiveOn: dayjs() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        {change === 'rename' && (
          <>
            <Form.Item name="nameZh" label={t('orgs.newNameZh')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('orgs.newNameEn')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        {change !== 'rename' && (
          <Form.Item
            name={other}
            label={t(`orgs.${other}`)}
            extra={t(`orgs.${other}Help`)}
            rules={change === 'merge' ? required : []}
          >
            <UnitPicker excludeId={unit.id} />
          </Form.Item>
        )}
        <DateField name="effectiveOn" label={t('orgs.effectiveOn')} />
        <Form.Item name="reason" label={t('orgs.reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
