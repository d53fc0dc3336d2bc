import { UploadOutlined } from '@ant-design/icons';
import type { CreatedCase, ServiceVersion } from '@yiwang/contracts';
import { Alert, Button, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreatedReceipt } from '../cases/CreatedReceipt.tsx';
import { useLang } from '../shell/lang.ts';
import { formatNames } from './format.ts';

/** The receipt of an application, and the next step: the materials to upload on the case page. */
export function ApplicationReceipt({ created, service }: { created: CreatedCase; service: ServiceVersion }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <CreatedReceipt created={created} name={service.name[lang]}>
      {service.materials.length > 0 && (
        <Alert
          type="info"
          showIcon
          icon={<UploadOutlined />}
          title={t('serviceApply.nextTitle')}
          description={
            <>
              <p>{t('serviceApply.nextText')}</p>
              <List
                size="small"
                dataSource={service.materials}
                renderItem={(m) => (
                  <List.Item>
                    <span>
                      {m.name[lang]}{' '}
                      <Tag color={m.required ? 'red' : 'default'}>
                        {t(m.required ? 'guide.required' : 'guide.optional')}
                      </Tag>
                      <Tag>{formatNames(m.formats, lang)}</Tag>
                    </span>
                  </List.Item>
                )}
              />
              <Link to={`/my/cases/${created.case.id}`}>
                <Button type="primary" icon={<UploadOutlined />} style={{ marginTop: 12 }}>
                  {t('serviceApply.uploadNow')}
                </Button>
              </Link>
            </>
          }
        />
      )}
    </CreatedReceipt>
  );
}
