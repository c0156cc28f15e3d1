import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: 'min-content 1fr', alignItems: 'center', gap: tokens.spacingHorizontalM },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  short: { width: '40%' },
});

/** Placeholder rows while the first results load. */
export function ResultsSkeleton({ rows = 3 }: { rows?: number }) {
  const styles = useStyles();
  const { t } = useTranslation('directory');
  return (
    <Skeleton className={styles.list} aria-label={t('search.loadingResults')}>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className={styles.row}>
          <SkeletonItem shape="circle" size={56} />
          <div className={styles.lines}>
            <SkeletonItem size={16} />
            <SkeletonItem size={12} className={styles.short} />
          </div>
        </div>
      ))}
    </Skeleton>
  );
}
