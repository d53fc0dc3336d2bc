import { SmileOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { CaseDetail, Rating } from '@yiwang/contracts';
import { Alert, Button, Card, Form, Input, Rate, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rateCase } from '../api/approval.ts';
import { busy, hasFieldErrors, problemCode, useProblemMessages } from '../shell/problems.ts';

/** Levels at or below this are bad reviews: they need a reason (国办发〔2019〕51号). */
const BAD_REVIEW = 2;
const LEVELS = [1, 2, 3, 4, 5] as const;
const storageKey = (caseId: string) => `yiwang.rated.${caseId}`;

/** A case can be rated once it is decided or closed (the server says the same). */
export const isRateable = (detail: CaseDetail) =>
  detail.case.state.terminal || detail.case.state.code === 'granted';

type Values = { level?: number; reason?: string };

function Rated({ level, followUp }: { level?: number; followUp: boolean }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<SmileOutlined />}
      status="success"
      title={level ? t('rating.thanks', { level: t(`rating.levels.${level}`) }) : t('rating.already')}
      subTitle={followUp ? t('rating.followUp') : undefined}
      style={{ padding: 16 }}
    />
  );
}

/** 好差评: the applicant rates the transaction once, five levels; a bad review says why. */
export function RatingCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { applyFieldErrors, describe } = useProblemMessages();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form);
  const caseId = detail.case.id;
  const [rated, setRated] = useState<{ level?: number; followUp: boolean } | undefined>(() => {
    const saved = globalThis.localStorage?.getItem(storageKey(caseId));
    return saved ? { level: Number(saved) || undefined, followUp: false } : undefined;
  });
  const remember = (r: { level?: number; followUp: boolean }) => {
    globalThis.localStorage?.setItem(storageKey(caseId), String(r.level ?? ''));
    setRated(r);
  };
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      rateCase({ caseId, level: v.level ?? 0, reason: v.reason?.trim() || undefined }),
    onSuccess: (r: Rating) => remember({ level: r.level, followUp: r.followUpTaskId !== null }),
    onError: (error) => {
      if (problemCode(error) === 'already_rated') remember({ followUp: false });
      else applyFieldErrors(form, error);
    },
  });
  const bad = level !== undefined && level <= BAD_REVIEW;
  return (
    <Card title={t('rating.title')} style={{ height: '100%' }}>
      {rated ? (
        <Rated level={rated.level} followUp={rated.followUp} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('rating.intro')}</Typography.Paragraph>
          {mutation.isError && !hasFieldErrors(mutation.error) && (
            <Alert type="error" showIcon title={describe(mutation.error)} style={{ marginBottom: 16 }} />
          )}
          <Form form={form} layout="vertical" requiredMark onFinish={(v) => mutation.mutate(v)}>
            <Form.Item
              name="level"
              label={t('rating.level')}
              rules={[{ required: true, message: t('rating.chooseLevel') }]}
              extra={level ? t(`rating.levels.${level}`) : undefined}
            >
              <Rate tooltips={LEVELS.map((l) => t(`rating.levels.${l}`))} style={{ fontSize: 28 }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('rating.reason')}
              required={bad}
              extra={bad ? t('rating.reasonRequired') : undefined}
              rules={[
                {
                  required: bad,
                  whitespace: true,
                  min: bad ? 2 : 0,
                  message: t('rating.reasonRequired'),
                },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={1000}
                showCount
                placeholder={bad ? t('rating.reasonRequired') : t('rating.reasonOptional')}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy(mutation.isPending)}>
              {t('rating.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
