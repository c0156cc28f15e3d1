import { useId, useSyncExternalStore } from 'react';
import { Body1, Caption1, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ContactsByMailResponse } from '../../../contracts/index.ts';
import type { ApiClient } from '../api/client.ts';
import { ContactCard } from '../components/contact-card.tsx';
import { ErrorMessageBar } from '../components/error-message-bar.tsx';
import type { MailHost } from '../host/mail-host.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface SenderSectionProps {
  api: ApiClient;
  /** The message beside the panel; null outside Outlook (taskpane.html opened in a browser). */
  mail: MailHost | null;
}

const noSubscription = (): (() => void) => () => undefined;
const noSender = (): null => null;

/** The selected message's sender as the directory knows them; follows the selection when pinned. */
export function SenderSection({ api, mail }: SenderSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslation('sidePanel');
  const sender = useSyncExternalStore(mail?.subscribe ?? noSubscription, mail?.sender ?? noSender);
  const address = sender?.address ?? null;
  const found = useApiQuery<ContactsByMailResponse>(address === null ? null : `sender:${address}`, (signal) =>
    // `address` is non-null whenever the key is.
    api.contactsByMail(address ?? '', signal),
  );
  const who = sender === null ? '' : sender.name === null ? sender.address : `${sender.name} (${sender.address})`;

  return (
    <section className={styles.section} aria-labelledby={headingId} aria-busy={found.loading}>
      <Subtitle2 as="h2" id={headingId}>
        {t('sender')}
      </Subtitle2>
      {mail === null && <Body1 block className={styles.muted}>{t('outsideOutlook')}</Body1>}
      {mail !== null && sender === null && <Body1 block className={styles.muted}>{t('selectMessage')}</Body1>}
      {found.loading && <Spinner size="tiny" label={t('lookingUpSender', { who })} />}
      {found.error !== null && <ErrorMessageBar error={found.error} />}
      {found.data !== null && found.data.contacts.length === 0 && (
        <div>
          <Body1 block>{t('notInDirectory')}</Body1>
          <Caption1 block className={styles.muted}>
            {t('noContactWithAddress', { who })}
          </Caption1>
        </div>
      )}
      {found.data?.contacts.map((contact) => <ContactCard key={contact.id} contact={contact} />)}
    </section>
  );
}
