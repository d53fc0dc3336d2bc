import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Spin, Tabs, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { normaliseCode, verificationCodePattern, verifyByCode, verifyFile } from '../api/ca.ts';
import { busy, useProblemMessages } from '../shell/problems.ts';
import { VerificationResult } from './VerificationResult.tsx';

const MAX_BYTES = 20 * 1_048_576;

const isCode = (raw: string) => verificationCodePattern.test(normaliseCode(raw));
const isPdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

type Tab = 'code' | 'file';

/**
 * 文书验证, public: a sealed document's verification code (the QR code on it opens this page with
 * `?code=`, so the result shows at once), or the PDF itself, checked by the platform's CA.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const [params, setParams] = useSearchParams();
  const urlCode = params.get('code')?.trim() ?? '';
  const code = urlCode && isCode(urlCode) ? normaliseCode(urlCode) : '';
  const [tab, setTab] = useState<Tab>('code');
  const [form] = Form.useForm<{ code: string }>();
  const [file, setFile] = useState<{ name: string; error?: string }>();

  const byCode = useQuery({
    queryKey: ['verify', code],
    queryFn: () => verifyByCode(code),
    enabled: code !== '',
    retry: false,
    staleTime: 0,
  });
  const byFile = useMutation({ mutationFn: verifyFile });

  // A code in the address that is not one: say so on the field, as if it had been typed.
  useEffect(() => {
    form.setFieldsValue({ code: code || urlCode });
    if (urlCode && !code) void form.validateFields();
  }, [code, urlCode, form]);

  const onCode = ({ code: typed }: { code: string }) => {
    const next = normaliseCode(typed);
    if (next === code) void byCode.refetch();
    else setParams({ code: next }, { replace: false });
  };

  const beforeUpload = (chosen: File) => {
    if (!isPdf(chosen)) setFile({ name: chosen.name, error: t('verify.notPdf') });
    else if (chosen.size > MAX_BYTES) setFile({ name: chosen.name, error: t('verify.tooLarge') });
    else {
      setFile({ name: chosen.name });
      byFile.mutate(chosen);
    }
    return Upload.LIST_IGNORE;
  };

  const codeTab = (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ code: code || urlCode }}
      onFinish={onCode}
      style={{ maxWidth: 560 }}
    >
      <Form.Item label={t('verify.code')} htmlFor="verify-code" extra={t('verify.codeHelp')}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: (_, v: string | undefined) =>
                  !v || isCode(v) ? Promise.resolve() : Promise.reject(new Error(t('verify.codeFormat'))),
              },
            ]}
          >
            <Input
              size="large"
              className="lookup-code"
              placeholder="ABCD-EFGH-JKMN-PQRS"
              autoComplete="off"
              spellCheck={false}
              maxLength={24}
              id="verify-code"
            />
          </Form.Item>
          <Button
            size="large"
            type="primary"
            htmlType="submit"
            icon={<SafetyCertificateOutlined />}
            loading={busy(byCode.isFetching)}
          >
            {t('verify.check')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );

  const fileTab = (
    <Upload.Dragger
      accept=".pdf,application/pdf"
      multiple={false}
      showUploadList={false}
      beforeUpload={beforeUpload}
      disabled={byFile.isPending}
    >
      <p className="ant-upload-drag-icon">
        <FilePdfOutlined />
      </p>
      <p className="ant-upload-text">{byFile.isPending ? t('verify.checking') : t('verify.drop')}</p>
      <p className="ant-upload-hint">{t('verify.dropHint')}</p>
    </Upload.Dragger>
  );

  let outcome: ReactNode = null;
  if (tab === 'code' && code) {
    if (byCode.isError) outcome = <Alert type="error" showIcon title={describe(byCode.error)} />;
    else if (byCode.data) outcome = <VerificationResult result={byCode.data} />;
    else outcome = <Spin style={{ display: 'block', margin: 32 }} />;
  }
  if (tab === 'file' && file) {
    if (file.error) outcome = <Alert type="error" showIcon title={file.error} description={file.name} />;
    else if (byFile.isPending) outcome = <Spin style={{ display: 'block', margin: 32 }} />;
    else if (byFile.isError) outcome = <Alert type="error" showIcon title={describe(byFile.error)} />;
    else if (byFile.data) outcome = <VerificationResult result={byFile.data} fileName={file.name} />;
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2}>{t('verify.title')}</Typography.Title>
        <Typography.Paragraph>{t('verify.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            { key: 'code', label: t('verify.byCode'), children: codeTab },
            { key: 'file', label: t('verify.byFile'), children: fileTab },
          ]}
        />
      </Card>
      <div aria-live="polite">{outcome}</div>
    </Space>
  );
}
