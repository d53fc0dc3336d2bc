import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchArticles } from '../api/portal.ts';

/** Dates on the portal are Beijing dates, whatever the reader's own time zone. */
const beijingDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(iso));

export function ArticleList({ category, title }: { category: 'news' | 'notice'; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  const query = useQuery({ queryKey: ['articles', category], queryFn: () => fetchArticles(category) });
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 18 }}>
          {title}
        </Typography.Title>
      }
    >
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('error.loadFailed')}
          action={<Button onClick={() => query.refetch()}>{t('error.retry')}</Button>}
        />
      ) : (
        <List
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t('home.empty') }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={a.title[lang]}
                description={
                  <>
                    <div>{a.summary[lang]}</div>
                    <div className="article-meta">
                      {a.publisher[lang]} ·{' '}
                      <time dateTime={a.publishedAt}>{beijingDate(a.publishedAt, i18n.language)}</time>
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
