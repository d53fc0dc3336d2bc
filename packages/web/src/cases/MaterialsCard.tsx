import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseAttachment, CaseDetail, ServiceVersion } from '@yiwang/contracts';
import { Alert, App, Button, Card, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentHref, uploadAttachment } from '../api/cases.ts';
import { ApiProblem } from '../api/client.ts';
import { acceptAttribute, formatNames, sizeText } from '../services/format.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { useLang } from '../shell/lang.ts';
import { useProblemMessages } from '../shell/problems.ts';

type Material = CaseDetail['materials'][number];
type Spec = ServiceVersion['materials'][number];

/** Issued documents live beside the materials, in slots of their own. */
export const isDocument = (a: CaseAttachment) => a.slot.startsWith('document:');

/** A stored file: its name (a download link), then its size and when it came in. */
export function FileLine({ caseId, file }: { caseId: string; file: CaseAttachment }) {
  const { t, i18n } = useTranslation();
  const href = attachmentHref(caseId, file.id);
  return (
    <div>
      <Space size={6}>
        <PaperClipOutlined />
        <Typography.Link href={href} download={file.fileName}>
          {file.fileName}
        </Typography.Link>
        <Typography.Link
          href={href}
          download={file.fileName}
          aria-label={t('licence.downloadFile', { name: file.fileName })}
        >
          <DownloadOutlined />
        </Typography.Link>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sizeText(file.sizeBytes)} ·{' '}
          {t('licence.uploadedAt', { time: beijingDateTime(file.uploadedAt, i18n.language) })}
        </Typography.Text>
      </div>
    </div>
  );
}

/** Why an upload was refused, in words: the formats the slot takes, the size, a renamed file. */
function useUploadReason(spec?: Spec) {
  const { t } = useTranslation();
  const lang = useLang();
  const { describe } = useProblemMessages();
  return (error: unknown): string => {
    if (!(error instanceof ApiProblem)) return describe(error);
    const { code, errors } = error.problem;
    const params = errors?.[0]?.params ?? {};
    if (code === 'file_type_not_allowed') {
      const formats = (params.formats ?? params.allowed ?? spec?.formats ?? []) as string[];
      return t('licence.notAccepted', { formats: formatNames(formats, lang) });
    }
    if (code === 'file_type_mismatch') return t('licence.mismatch');
    if (code === 'file_too_large') {
      const max = Number(params.maxBytes ?? spec?.maxBytes ?? 0);
      return max ? t('licence.tooLarge', { size: sizeText(max) }) : describe(error);
    }
    return describe(error);
  };
}

function MaterialItem({
  detail,
  material,
  spec,
  canUpload,
}: {
  detail: CaseDetail;
  material: Material;
  spec?: Spec;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reason = useUploadReason(spec);
  const [failure, setFailure] = useState<string>();
  const files = detail.attachments.filter((a) => a.slot === material.slot);
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(detail.case.id, material.slot, file),
    onSuccess: (stored) => {
      setFailure(undefined);
      message.success(t('licence.uploaded', { name: stored.fileName }));
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', detail.case.id] });
    },
    onError: (error, file) => {
      const why = reason(error);
      setFailure(t('licence.uploadFailed', { name: file.name, reason: why }));
    },
  });
  const name = material.name[lang];
  return (
    <List.Item
      data-slot={material.slot}
      actions={
        canUpload
          ? [
              <Upload
                key="upload"
                accept={spec ? acceptAttribute(spec.formats) : undefined}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  if (spec?.maxBytes && file.size > spec.maxBytes) {
                    setFailure(
                      t('licence.uploadFailed', {
                        name: file.name,
                        reason: t('licence.tooLarge', { size: sizeText(spec.maxBytes) }),
                      }),
                    );
                    return Upload.LIST_IGNORE;
                  }
                  upload.mutate(file);
                  return false;
                }}
              >
                <Button
                  icon={<UploadOutlined />}
                  loading={upload.isPending}
                  aria-label={t('licence.uploadFor', { name })}
                >
                  {t(files.length > 0 ? 'licence.uploadMore' : 'licence.upload')}
                </Button>
              </Upload>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <span>{name}</span>
            <Tag color={material.required ? 'red' : 'default'}>
              {t(material.required ? 'cases.materialRequired' : 'cases.materialOptional')}
            </Tag>
          </Space>
        }
        description={
          <Space orientation="vertical" size={2}>
            {spec && (
              <Typography.Text type="secondary">
                {t('licence.formats', { formats: formatNames(spec.formats, lang) })}
                {spec.maxBytes ? ` · ${t('licence.maxSize', { size: sizeText(spec.maxBytes) })}` : ''}
              </Typography.Text>
            )}
            {spec?.note && <Typography.Text type="secondary">{spec.note}</Typography.Text>}
            {files.length === 0 ? (
              <Tag>{t('cases.notUploaded')}</Tag>
            ) : (
              files.map((f) => <FileLine key={f.id} caseId={detail.case.id} file={f} />)
            )}
            {failure && (
              <Typography.Text type="danger" role="alert">
                {failure}
              </Typography.Text>
            )}
          </Space>
        }
      />
    </List.Item>
  );
}

/**
 * 申请材料: each material the case asks for, whether it is required, the formats it takes and the
 * files in it. The applicant uploads while the case is open, and so do staff who may act on it.
 */
export function MaterialsCard({
  detail,
  service,
  canUpload,
  area,
}: {
  detail: CaseDetail;
  service?: ServiceVersion;
  canUpload: boolean;
  area: 'workbench' | 'portal';
}) {
  const { t } = useTranslation();
  const held = new Set(detail.attachments.map((a) => a.slot));
  const missing = detail.materials.filter((m) => m.required && !held.has(m.slot)).length;
  const required = detail.materials.some((m) => m.required);
  return (
    <Card title={t('cases.materials')} style={{ height: '100%' }}>
      {canUpload && (
        <Typography.Paragraph type="secondary">
          {t(area === 'portal' ? 'licence.applicantHint' : 'licence.staffHint')}
        </Typography.Paragraph>
      )}
      {required && !detail.case.state.terminal && (
        <Alert
          type={missing > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 8 }}
          title={missing > 0 ? t('licence.missing', { count: missing }) : t('licence.complete')}
        />
      )}
      <List
        size="small"
        dataSource={detail.materials}
        locale={{ emptyText: t('cases.noMaterials') }}
        renderItem={(m) => (
          <MaterialItem
            detail={detail}
            material={m}
            spec={service?.materials.find((s) => s.slot === m.slot)}
            canUpload={canUpload}
          />
        )}
      />
    </Card>
  );
}
