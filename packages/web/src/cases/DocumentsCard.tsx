import { FilePdfOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@yiwang/contracts';
import { Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentHref } from '../api/cases.ts';
import { sizeText } from '../services/format.ts';
import { beijingDateTime } from '../shell/dates.ts';
import { isDocument } from './MaterialsCard.tsx';

/** The kind of an issued document from its slot: `document:licensing.acceptance` → `acceptance`. */
export function documentKind(slot: string): string {
  return slot.replace(/^document:/, '').replace(/^licensing\./, '');
}

/** 文书: the notices and decisions the agency issued on the case (受理通知书, 准予行政许可决定书 …). */
export function DocumentsCard({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const documents = detail.attachments
    .filter(isDocument)
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
  return (
    <Card title={t('licence.documents')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('licence.documentsIntro')}</Typography.Paragraph>
      <List
        size="small"
        aria-label={t('licence.documents')}
        dataSource={documents}
        locale={{ emptyText: t('licence.noDocuments') }}
        renderItem={(d) => {
          const title = t(`licence.documentKinds.${documentKind(d.slot)}`, { defaultValue: d.fileName });
          return (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  href={attachmentHref(detail.case.id, d.id)}
                  download={d.fileName}
                  aria-label={t('licence.downloadFile', { name: title })}
                >
                  {t('licence.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={<FilePdfOutlined style={{ fontSize: 24, color: '#b71c1c' }} />}
                title={title}
                description={`${t('services.labelled', {
                  label: t('licence.issuedAt'),
                  value: beijingDateTime(d.uploadedAt, i18n.language),
                })} · ${d.fileName} · ${sizeText(d.sizeBytes)}`}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
