import { useMutation } from '@tanstack/react-query';
import { type ServiceVersion, serviceCategories } from '@yiwang/contracts';
import {
  Alert,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/client.ts';
import { saveServiceDraft } from '../../api/services.ts';
import { useLang } from '../../shell/lang.ts';
import { busy, useProblemMessages } from '../../shell/problems.ts';
import { type DraftValues, jsonErrors, toInput, toValues } from './draftValues.ts';

const JSON_FIELDS = ['materials', 'formSchema', 'uiSchema'] as const;
const text = (rows: number) => <Input.TextArea rows={rows} />;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      {children}
    </>
  );
}

/** A draft of a service, edited as the guide's parts, with the materials and the form as JSON. */
export function DraftDrawer({
  draft,
  onClose,
  onSaved,
}: {
  draft: ServiceVersion;
  onClose: () => void;
  onSaved: (v: ServiceVersion) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { fieldMessage, describe } = useProblemMessages();
  const [form] = Form.useForm<DraftValues>();
  const charged = Form.useWatch('charged', form);
  const f = (key: string) => t(`serviceAdmin.fields.${key}`);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const save = useMutation({
    mutationFn: (values: DraftValues) => saveServiceDraft(draft.serviceId, draft.version, toInput(values)),
    onSuccess: onSaved,
    onError: (error) => {
      if (!(error instanceof ApiProblem)) return;
      // Errors inside the JSON parts land on their text box, with where in the JSON they are.
      const fields = (error.problem.errors ?? []).map((e) => {
        const path = e.field.replace(/^body\./, '').split('.');
        const json = JSON_FIELDS.find((k) => k === path[0]);
        const where = json && path.length > 1 ? `${path.slice(1).join('.')}: ` : '';
        return { name: (json ? [json] : path) as never, errors: [`${where}${fieldMessage(e)}`] };
      });
      form.setFields(fields);
      if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    },
  });
  return (
    <Drawer
      open
      size="large"
      title={t('serviceAdmin.drawerTitle', { name: draft.name[lang], version: draft.version })}
      onClose={onClose}
      extra={
        <Button type="primary" loading={busy(save.isPending)} onClick={() => form.submit()}>
          {t('serviceAdmin.save')}
        </Button>
      }
    >
      {save.isError && (
        <Alert type="error" showIcon title={describe(save.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<DraftValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={toValues(draft)}
        onFinish={(values) => {
          const broken = jsonErrors(values);
          if (broken.length > 0) {
            form.setFields(broken.map((k) => ({ name: k, errors: [t('serviceAdmin.invalidJson')] })));
            return;
          }
          save.mutate(values);
        }}
      >
        <Section title={t('serviceAdmin.sections.basic')}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['name', 'zh']} label={f('nameZh')} rules={required}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['name', 'en']} label={f('nameEn')} rules={required}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="category" label={f('category')}>
            <Select
              options={serviceCategories.map((c) => ({ value: c, label: t(`services.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="legalBasis" label={f('legalBasis')} rules={required}>
            {text(5)}
          </Form.Item>
          <Form.Item name="conditions" label={f('conditions')} rules={required}>
            {text(5)}
          </Form.Item>
        </Section>
        <Section title={t('serviceAdmin.sections.limits')}>
          <Space wrap size={16} align="start">
            <Form.Item name={['timeLimit', 'limit']} label={f('limit')} extra={f('limitHelp')}>
              <InputNumber min={1} max={365} precision={0} />
            </Form.Item>
            <Form.Item name={['timeLimit', 'extendBy']} label={f('extendBy')}>
              <InputNumber min={0} max={60} precision={0} />
            </Form.Item>
            <Form.Item name="committedDays" label={f('committedDays')}>
              <InputNumber min={0} max={365} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name={['timeLimit', 'basis']} label={f('basis')}>
            {text(2)}
          </Form.Item>
          <Space wrap size={24}>
            <Form.Item name={['timeLimit', 'joint']} label={f('joint')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="onTheSpot" label={f('onTheSpot')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="charged" label={f('charged')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          {charged && (
            <Space wrap size={16} align="start" style={{ width: '100%' }}>
              <Form.Item name={['fee', 'amountYuan']} label={f('amountYuan')} rules={required.slice(0, 1)}>
                <InputNumber min={0.01} max={10_000_000} />
              </Form.Item>
              <Form.Item name={['fee', 'basis']} label={f('feeBasis')} style={{ minWidth: 360 }}>
                <Input maxLength={500} />
              </Form.Item>
            </Space>
          )}
        </Section>
        <Section title={t('serviceAdmin.sections.place')}>
          <Form.Item name="contact" label={f('contact')} rules={required}>
            {text(2)}
          </Form.Item>
          {(['divisionCodes', 'themes', 'lifeEvents'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={f(k)}
              extra={k === 'divisionCodes' ? f('divisionHelp') : undefined}
            >
              <Select mode="tags" open={false} placeholder={t('serviceAdmin.tagsPlaceholder')} />
            </Form.Item>
          ))}
        </Section>
        <Section title={t('serviceAdmin.sections.flags')}>
          {(['hearingRights', 'fourEyes', 'substantiveCheck'] as const).map((k) => (
            <Form.Item key={k} name={k} label={f(k)} valuePropName="checked">
              <Switch />
            </Form.Item>
          ))}
        </Section>
        <Section title={t('serviceAdmin.sections.form')}>
          {JSON_FIELDS.map((k) => (
            <Form.Item key={k} name={k} label={f(k)} rules={required}>
              <Input.TextArea rows={k === 'uiSchema' ? 6 : 14} spellCheck={false} style={mono} />
            </Form.Item>
          ))}
        </Section>
      </Form>
    </Drawer>
  );
}
