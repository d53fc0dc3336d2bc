import type { CaAlgorithm, CertificateStatus } from '@yiwang/contracts';
import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';
import { hasFieldErrors, useProblemMessages } from '../shell/problems.ts';

export const statusColor: Record<CertificateStatus, string> = {
  valid: 'green',
  revoked: 'red',
  expired: 'orange',
  not_yet_valid: 'blue',
};

export function StatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`ca.status.${status}`)}</Tag>;
}

/** The algorithm in a word (SM2, ECDSA), its full name on hover. */
export function AlgorithmTag({ algorithm }: { algorithm: CaAlgorithm }) {
  const { t } = useTranslation();
  return (
    <Tag color={algorithm === 'SM2-SM3' ? 'volcano' : 'geekblue'} title={t(`ca.algorithm.${algorithm}`)}>
      {algorithm === 'SM2-SM3' ? 'SM2' : 'ECDSA'}
    </Tag>
  );
}

/** The attributes of a distinguished name as the server writes it: `CN=…,O=…,C=CN`. */
export function nameParts(dn: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const piece of dn.split(/,(?=\s*[A-Za-z][A-Za-z0-9.]*=)/)) {
    const at = piece.indexOf('=');
    if (at > 0) parts[piece.slice(0, at).trim()] ??= piece.slice(at + 1).trim();
  }
  return parts;
}

/** A certificate's subject: its common name, the organisation under it, the whole DN on hover. */
export function SubjectName({ dn, issuer }: { dn: string; issuer?: string | null }) {
  const { t } = useTranslation();
  const { CN, O } = nameParts(dn);
  return (
    <Space orientation="vertical" size={0} title={dn}>
      <Typography.Text strong>{CN ?? dn}</Typography.Text>
      {O && O !== CN && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {O}
        </Typography.Text>
      )}
      {issuer && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ca.issuedBy', { issuer: nameParts(issuer).CN ?? issuer })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * A refusal that is not about one field: its translation when there is one, else the server's
 * own detail under the generic line, so the administrator still learns what went wrong.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  const { describe } = useProblemMessages();
  if (!error || hasFieldErrors(error)) return null;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  const known = problem ? i18n.exists(`problem.${problem.code}`) : true;
  return (
    <Alert
      type="error"
      showIcon
      title={describe(error)}
      description={known ? undefined : problem?.detail}
      style={{ marginBottom: 16 }}
    />
  );
}
