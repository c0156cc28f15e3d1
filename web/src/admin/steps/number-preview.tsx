import { useId, useState } from 'react';
import { Badge, Button, Field, Input, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { diallingProfileSchema, LIMITS, type PhonePreview } from '../../../../contracts/index.ts';
import { DefinitionList } from '../../components/definition-list.tsx';
import { ErrorMessageBar } from '../../components/error-message-bar.tsx';
import { useApiQuery } from '../../hooks/use-api-query.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useSession } from '../../hooks/use-session.ts';
import type { DiallingFields } from '../form/data-source-form.ts';
import { diallingProfile } from '../form/form-values.ts';
import { useStepStyles } from '../step-styles.ts';

const useStyles = makeStyles({
  examples: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  output: { minHeight: '120px' },
});

/** Stored forms from the field (the incumbents' documentation lists these). */
const EXAMPLES = ['123456-789', '-123', '+49(89)123456-78', '0049-89-123456-78', '089/12345678', '+49 (0)89 123456-78'];
const PREVIEW_DEBOUNCE_MS = 250;
const KNOWN_PROBLEMS = ['empty', 'unreadable', 'invalid', 'needs-main-number', 'needs-area-code'] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];
const isKnownProblem = (problem: string): problem is KnownProblem => (KNOWN_PROBLEMS as readonly string[]).includes(problem);

function PreviewResult({ preview, format }: { preview: PhonePreview; format: DiallingFields['displayFormat'] }) {
  const { t } = useTranslation('wizard');
  if (preview.problem !== null || preview.e164 === null || preview.display === null) {
    const problem = preview.problem ?? 'unreadable';
    return <Text>{isKnownProblem(problem) ? t(`dialling.problem.${problem}`) : t('dialling.problem.other', { reason: problem })}</Text>;
  }
  const rows = [
    { term: t('dialling.e164'), value: preview.e164, shown: false },
    ...(preview.extension !== null ? [{ term: t('dialling.extension'), value: preview.extension, shown: false }] : []),
    { term: t('dialling.international'), value: preview.display.international, shown: format === 'international' },
    { term: t('dialling.national'), value: preview.display.national, shown: format === 'national' },
    { term: t('dialling.shortest'), value: preview.display.shortest, shown: format === 'shortest' },
  ];
  return (
    <DefinitionList
      rows={rows.map((row) => ({
        term: row.term,
        value: (
          <>
            {row.value}{' '}
            {row.shown && (
              <Badge appearance="tint" color="brand">
                {t('dialling.shown')}
              </Badge>
            )}
          </>
        ),
      }))}
    />
  );
}

/** Step 3's live preview: type a number as stored, see it normalised and displayed with the profile above. */
export function NumberPreview({ dialling }: { dialling: DiallingFields }) {
  const styles = useStyles();
  const stepStyles = useStepStyles();
  const { t } = useTranslation('wizard');
  const { api } = useSession();
  const headingId = useId();
  const [input, setInput] = useState('');
  const number = useDebouncedValue(input.trim(), PREVIEW_DEBOUNCE_MS);
  const profile = diallingProfileSchema.safeParse(diallingProfile(dialling));
  const request = profile.success && number !== '' ? { number, dialling: profile.data } : null;
  const preview = useApiQuery<PhonePreview | null>(request === null ? null : `preview:${JSON.stringify(request)}`, (signal) =>
    request === null ? Promise.resolve(null) : api.previewNumber(request.number, request.dialling, signal),
  );

  return (
    <section className={stepStyles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h4" className={stepStyles.heading} id={headingId}>
        {t('dialling.preview')}
      </Subtitle2>
      <Field label={t('dialling.previewInput')} hint={t('dialling.previewHint')}>
        <Input type="tel" value={input} maxLength={LIMITS.numberMaxLength} onChange={(_, data) => setInput(data.value)} />
      </Field>
      <div className={styles.examples} role="group" aria-label={t('dialling.examples')}>
        <Text size={200} className={stepStyles.muted} aria-hidden>
          {t('dialling.examples')}:
        </Text>
        {EXAMPLES.map((example) => (
          <Button key={example} size="small" appearance="outline" aria-label={t('dialling.useExample', { number: example })} onClick={() => setInput(example)}>
            {example}
          </Button>
        ))}
      </div>
      <div className={styles.output} aria-live="polite">
        {!profile.success && <Text className={stepStyles.muted}>{t('dialling.fixProfile')}</Text>}
        {profile.success && input.trim() === '' && <Text className={stepStyles.muted}>{t('dialling.problem.empty')}</Text>}
        {preview.loading && <Spinner size="tiny" label={t('dialling.previewLoading')} />}
        {preview.error !== null && <ErrorMessageBar error={preview.error} />}
        {preview.data !== null && input.trim() !== '' && <PreviewResult preview={preview.data} format={dialling.displayFormat} />}
      </div>
    </section>
  );
}
