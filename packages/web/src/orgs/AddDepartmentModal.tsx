import type { OrgUnit } from '@yiwang/contracts';
import { Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { addDepartment } from '../api/orgs.ts';
import { DateField, legalDate, ModalError, useModalMutation } from './formParts.tsx';
import { UnitPicker } from './UnitPicker.tsx';

type Values = {
  nameZh: string;
  nameEn: string;
  code: string;
  divisionCode: string;
  lineParentId?: string;
  creditCode?: string;
  establishedOn: Dayjs;
};

/** A new department in the chosen unit's division, optionally on a line (条) one level up. */
export function AddDepartmentModal({
  parent,
  onClose,
  onDone,
}: {
  parent: OrgUnit;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const divisionCode = parent.kind === 'division' ? parent.code : parent.divisionCode;
  const mutation = useModalMutation(
    form,
    (v: Values) =>
      addDepartment({
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        code: v.code.trim().toUpperCase(),
        divisionCode: v.divisionCode,
        lineParentId: v.lineParentId ?? null,
        creditCode: v.creditCode?.trim() ? v.creditCode.trim().toUpperCase() : null,
        establishedOn: legalDate(v.establishedOn),
      }),
    onDone,
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open
      title={t('orgs.actions.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ModalError error={mutation.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ divisionCode, code: `${divisionCode}-`, establishedOn: dayjs() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="nameZh" label={t('orgs.nameZh')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgs.nameEn')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.code')} extra={t('orgs.codeHelp')} rules={required}>
          <Input maxLength={19} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('orgs.divisionCode')} rules={required}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item name="lineParentId" label={t('orgs.lineParent')} extra={t('orgs.lineParentHelp')}>
          <UnitPicker tree="line" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('orgs.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <DateField name="establishedOn" label={t('orgs.establishedOn')} />
      </Form>
    </Modal>
  );
}
