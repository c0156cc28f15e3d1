import { makeStyles, tokens } from '@fluentui/react-components';
import { CallInboundRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../contracts/limits.ts';
import { useSession } from '../hooks/use-session.ts';
import { LookupForm, useLookup } from './lookup-form.tsx';
import { NumberLookupResult } from './number-lookup-result.tsx';

const useStyles = makeStyles({
  section: { gap: tokens.spacingVerticalM },
});

/** Caller identification by hand: who has this number? */
export function NumberLookup() {
  const styles = useStyles();
  const { t } = useTranslation('directory');
  const { api } = useSession();
  const lookup = useLookup((number, signal) => api.lookup(number, signal));
  return (
    <LookupForm
      lookup={lookup}
      className={styles.section}
      label={t('lookup.label')}
      input={{ type: 'tel', maxLength: LIMITS.numberMaxLength, contentBefore: <CallInboundRegular aria-hidden /> }}
      renderResult={(response) => <NumberLookupResult response={response} />}
    />
  );
}
