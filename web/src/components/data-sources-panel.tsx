import { useEffect, useId, useRef } from 'react';
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DataSourceView, ReplacedApp } from '../../../contracts/index.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { useSession } from '../hooks/use-session.ts';
import { DataSourceRow } from './data-source-row.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { KeptAppWarning } from './kept-app-warning.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Subtitle2's look on a heading that takes the focus (Subtitle2 passes no ref).
  title: typographyStyles.subtitle2,
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface DataSourcesPanelProps {
  /** What the last save or delete did, said once above the list. */
  notice: string | null;
  onNotice: (notice: string | null) => void;
  /** An app the last save replaced but could not delete in Entra. */
  keptApp: ReplacedApp | null;
  onDismissKeptApp: () => void;
  onAdd: () => void;
  onEdit: (source: DataSourceView) => void;
}

/** The configured data sources and how their sync is doing; administrators add and manage them here. */
export function DataSourcesPanel({ notice, onNotice, keptApp, onDismissKeptApp, onAdd, onEdit }: DataSourcesPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslation(['sources', 'common']);
  const { api, me } = useSession();
  const sources = useApiQuery<DataSourceView[]>('datasources', (signal) => api.dataSources(signal));
  const list = sources.data ?? sources.latest;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A deleted source's row takes the keyboard focus with it: once the list no longer shows it, the focus goes to the heading.
  const deletedId = useRef<string | null>(null);
  useEffect(() => {
    if (deletedId.current === null || list === null || list.some((source) => source.id === deletedId.current)) return;
    headingRef.current?.focus();
    deletedId.current = null;
  }, [list]);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <h2 className={styles.title} id={headingId} ref={headingRef} tabIndex={-1}>
          {t('heading')}
        </h2>
        {me.isAdmin && (
          <Button size="small" icon={<AddRegular />} onClick={onAdd}>
            {t('add')}
          </Button>
        )}
      </div>
      {notice !== null && (
        <MessageBar intent="success" politeness="polite">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('common:close')} onClick={() => onNotice(null)} />}
          />
        </MessageBar>
      )}
      {keptApp !== null && <KeptAppWarning app={keptApp} onDismiss={onDismissKeptApp} />}
      {list === null && sources.loading && <Spinner size="tiny" label={t('loading')} />}
      {sources.error !== null && <ErrorMessageBar error={sources.error} />}
      {list !== null && list.length === 0 && <Body1 className={styles.muted}>{t('empty')}</Body1>}
      {list !== null && list.length > 0 && (
        <ul className={styles.list} aria-labelledby={headingId}>
          {list.map((source) => (
            <DataSourceRow
              key={source.id}
              source={source}
              onEdit={() => onEdit(source)}
              onChanged={sources.reload}
              onDeleted={() => {
                onNotice(t('deleted', { name: source.name }));
                deletedId.current = source.id;
                sources.reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
