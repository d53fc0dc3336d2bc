import type { Verdict, Verification } from '@yiwang/contracts';
import { Card, Descriptions, type DescriptionsProps, Result, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { beijingDate, beijingDateTime } from '../shell/dates.ts';

type Tone = 'success' | 'error' | 'warning' | 'info';

/** How grave each verdict is: only `valid` is good; a forgery's marks are errors; the rest, warnings. */
export const verdictTone: Record<Verdict, Tone> = {
  valid: 'success',
  content_changed: 'error',
  modified_after_signing: 'error',
  hidden_content: 'error',
  signature_invalid: 'error',
  certificate_revoked: 'error',
  certificate_expired: 'error',
  other_ca: 'warning',
  unsigned: 'warning',
  unreadable: 'warning',
  unknown_code: 'warning',
};

/** Findings that inform but do not make a seal invalid. */
const INFORMATIVE = new Set(['benign_update', 'revoked_after_signing']);
const CAUTION = new Set(['no_time_stamp', 'time_stamp_invalid', 'time_stamp_untrusted']);
const reasonColor = (code: string) => (INFORMATIVE.has(code) ? 'blue' : CAUTION.has(code) ? 'gold' : 'red');

const certColor = { good: 'green', revoked: 'red', expired: 'orange', unknown: 'default' } as const;

/** One verification: the headline for its verdict, what was found, and the seal's particulars. */
export function VerificationResult({ result, fileName }: { result: Verification; fileName?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('verify.none');
  const cert = result.certificate;
  const doc = result.document;
  const items: DescriptionsProps['items'] = [];
  const add = (key: string, children: ReactNode) =>
    items.push({ key, label: t(`verify.fields.${key}`), children });

  if (result.signingUnit || result.signer || cert || result.signedAt) {
    add('signingUnit', result.signingUnit ? <strong>{result.signingUnit}</strong> : none);
    if (result.signer && result.signer !== result.signingUnit) add('signer', result.signer);
    add(
      'signedAt',
      result.signedAt
        ? t('verify.chinaTime', { time: beijingDateTime(result.signedAt, lang) })
        : t('verify.noTimeStamp'),
    );
    add('timeStampAuthority', result.timeStampAuthority ?? none);
    add('algorithm', result.algorithm ? t(`ca.algorithm.${result.algorithm}`) : none);
    if (cert) {
      add(
        'serial',
        <Typography.Text code copyable className="serial">
          {cert.serial}
        </Typography.Text>,
      );
      add(
        'statusAtSigning',
        <Tag color={certColor[cert.statusAtSigning]}>{t(`verify.certStatus.${cert.statusAtSigning}`)}</Tag>,
      );
      add(
        'statusNow',
        <Space size={4} wrap>
          <Tag color={certColor[cert.statusNow]}>{t(`verify.certStatus.${cert.statusNow}`)}</Tag>
          <Typography.Text type="secondary">
            {cert.revokedAt
              ? t('verify.revokedOn', {
                  at: beijingDateTime(cert.revokedAt, lang),
                  reason: cert.reason ? t(`ca.reason.${cert.reason}`) : t('ca.reason.unspecified'),
                })
              : t('verify.validUntil', { at: beijingDate(cert.notAfter, lang) })}
          </Typography.Text>
        </Space>,
      );
    }
  }
  if (result.contentIntact !== null) {
    add(
      'contentIntact',
      result.contentIntact ? (
        <Tag color="green">{t('verify.intact')}</Tag>
      ) : (
        <Tag color="red">{t('verify.notIntact')}</Tag>
      ),
    );
  }
  if (doc) {
    add('document', <strong>{doc.title}</strong>);
    add('documentNumber', doc.documentNumber);
    add('verificationCode', <span className="lookup-code">{doc.verificationCode}</span>);
    add('sha256', <code className="hash">{doc.sha256}</code>);
  }

  // The verdict's own code would only repeat the headline.
  const reasons = result.reasons.filter((r) => r !== result.verdict);
  const showFindings = reasons.length > 0 || result.verdict === 'valid';
  return (
    <Card title={t('verify.result')} data-verdict={result.verdict}>
      <Result
        status={verdictTone[result.verdict]}
        title={t(`verify.verdict.${result.verdict}.title`)}
        subTitle={
          <>
            {t(`verify.verdict.${result.verdict}.text`)}
            {fileName && (
              <>
                <br />
                {t('verify.fileChecked', { name: fileName })}
              </>
            )}
          </>
        }
        style={{ padding: '16px 0 24px' }}
      />
      {showFindings && (
        <div style={{ marginBottom: items.length ? 16 : 0 }}>
          <Typography.Text strong>{t('verify.findings')}</Typography.Text>{' '}
          {reasons.length === 0 ? (
            <Tag color="green">{t('verify.noFindings')}</Tag>
          ) : (
            reasons.map((r) => (
              <Tag key={r} color={reasonColor(r)} title={r} style={{ marginBottom: 4 }}>
                {t(`verify.reasons.${r}`, { defaultValue: r })}
              </Tag>
            ))
          )}
        </div>
      )}
      {items.length > 0 && (
        <Descriptions
          title={t('verify.details')}
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 200 } }}
          items={items}
        />
      )}
    </Card>
  );
}
