import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  compact: { columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface Definition {
  term: string;
  value: ReactNode;
  /** Shown on hover, e.g. the exact time behind "5 minutes ago". */
  title?: string;
  className?: string;
}

export interface DefinitionListProps {
  rows: readonly Definition[];
  /** Tighter spacing, for a tooltip. */
  compact?: boolean;
}

/** Terms beside their values, in two aligned columns. */
export function DefinitionList({ rows, compact = false }: DefinitionListProps) {
  const styles = useStyles();
  return (
    <dl className={mergeClasses(styles.list, compact && styles.compact)}>
      {rows.map(({ term, value, title, className }) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={mergeClasses(styles.value, className)} title={title !== undefined && title !== '' ? title : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
