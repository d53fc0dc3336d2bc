import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchInclusionProof } from '../api/audit.ts';
import { problemCode, useProblemMessages } from '../shell/problems.ts';

/** The inclusion proof of one event: the hashes that lead from its leaf to a signed root. */
export function ProofModal({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { describe } = useProblemMessages();
  const proof = useQuery({
    queryKey: ['audit', 'proof', eventId],
    queryFn: () => fetchInclusionProof(eventId),
    retry: false,
  });
  return (
    <Modal open title={t('audit.proofTitle')} footer={null} onCancel={onClose} width={720}>
      {proof.isPending && <Spin />}
      {proof.isError && (
        <Alert
          type={problemCode(proof.error) === 'not_found' ? 'info' : 'error'}
          showIcon
          title={problemCode(proof.error) === 'not_found' ? t('audit.proofNotYet') : describe(proof.error)}
        />
      )}
      {proof.data && (
        <>
          <Typography.Paragraph type="secondary">{t('audit.proofIntro')}</Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'event',
                label: t('audit.eventId'),
                children: <Typography.Text code>{proof.data.eventId}</Typography.Text>,
              },
              { key: 'leaf', label: t('audit.leafIndex'), children: proof.data.leafIndex },
              { key: 'size', label: t('audit.treeSize'), children: proof.data.treeSize },
              {
                key: 'leafHash',
                label: t('audit.leafHash'),
                children: <code className="hash">{proof.data.leafHash}</code>,
              },
              {
                key: 'root',
                label: t('audit.rootHash'),
                children: <code className="hash">{proof.data.rootHash}</code>,
              },
              {
                key: 'path',
                label: t('audit.proofPath', { count: proof.data.proof.length }),
                children: (
                  <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                    {proof.data.proof.map((hash) => (
                      <li key={hash}>
                        <code className="hash">{hash}</code>
                      </li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
