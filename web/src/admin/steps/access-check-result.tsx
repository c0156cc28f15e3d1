import { Badge, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccessCheck, CheckAccessResponse } from '../../../../contracts/index.ts';
import { withUpstream } from '../../api/error-text.ts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '20px', marginTop: '2px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  optional: { color: tokens.colorPaletteDarkOrangeForeground1 },
  detail: { gridColumnStart: 2, color: tokens.colorNeutralForeground2 },
});

function CheckIcon({ check }: { check: AccessCheck }) {
  const styles = useStyles();
  if (check.ok) return <CheckmarkCircleFilled className={`${styles.icon} ${styles.ok}`} aria-hidden />;
  if (!check.required) return <WarningFilled className={`${styles.icon} ${styles.optional}`} aria-hidden />;
  return <DismissCircleFilled className={`${styles.icon} ${styles.failed}`} aria-hidden />;
}

/** What a check found, in the page's language; the API's English sentence only for a code this build does not know. */
function checkDetail(t: TFunction<'wizard'>, check: AccessCheck): string {
  const sentence = t(`check.detail.${check.code}`, { permission: check.permission, httpStatus: check.httpStatus, defaultValue: check.detail });
  return withUpstream(sentence, check.upstreamMessage);
}

/** CHECK ACCESS's answer: overall, then each check with its outcome in words (not colour alone) and what it found. */
export function AccessCheckResult({ result }: { result: CheckAccessResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('wizard');
  return (
    <section className={styles.box} aria-label={t('check.title')}>
      <MessageBar intent={result.ok ? 'success' : 'error'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('check.title')}</MessageBarTitle>
          {result.ok ? t('check.ok') : t('check.failed')}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {result.checks.map((check) => (
          <li key={check.name} className={styles.item}>
            <CheckIcon check={check} />
            <span className={styles.head}>
              <Text weight="semibold">{t(`check.name.${check.name}`)}</Text>
              <Badge appearance="tint" color={check.ok ? 'success' : check.required ? 'danger' : 'warning'}>
                {check.ok ? t('check.passed') : check.required ? t('check.failedRequired') : t('check.failedOptional')}
              </Badge>
            </span>
            <Text size={200} className={styles.detail}>
              {checkDetail(t, check)}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
