import { useId } from 'react';
import { Checkbox, Field, Input, makeStyles, SpinButton, Switch, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { syncScheduleSchema } from '../../../../contracts/index.ts';
import { weekdayName, WEEK_ORDER } from '../../format.ts';
import type { StepProps } from '../step-props.ts';
import { useValidationMessage } from '../use-validation-message.ts';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalL,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  days: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  window: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  narrow: { maxWidth: '160px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const interval = syncScheduleSchema.shape.intervalMinutes.unwrap();

/** SpinButton reports typed text separately from stepped values; both end up here as a number or null. */
export function spinValue(data: { value?: number | null; displayValue?: string }): number | null {
  if (data.value !== undefined) return data.value;
  const typed = Number.parseInt(data.displayValue ?? '', 10);
  return Number.isNaN(typed) ? null : typed;
}

/** When delta rounds run: the interval, the weekdays, and an optional time window. */
export function ScheduleFields({ form, dispatch, errors }: StepProps) {
  const styles = useStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const daysId = useId();
  const { schedule } = form;
  const setDay = (day: number, on: boolean): void => {
    const days = on ? [...schedule.days, day] : schedule.days.filter((d) => d !== day);
    dispatch({ type: 'schedule', patch: { days } });
  };

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <Text weight="semibold">{t('basics.schedule')}</Text>
      </legend>
      <Field className={styles.narrow} label={t('basics.interval')} required validationMessage={message(errors.intervalMinutes)}>
        <SpinButton
          value={schedule.intervalMinutes}
          min={interval.minValue ?? 1}
          max={interval.maxValue ?? 1440}
          onChange={(_, data) => dispatch({ type: 'schedule', patch: { intervalMinutes: spinValue(data) } })}
        />
      </Field>
      <div role="group" aria-labelledby={daysId} aria-describedby={`${daysId}-hint`}>
        <Text id={daysId} block>
          {t('basics.days')}
        </Text>
        <div className={styles.days}>
          {WEEK_ORDER.map((day) => (
            <Checkbox key={day} label={weekdayName(day)} checked={schedule.days.includes(day)} onChange={(_, data) => setDay(day, data.checked === true)} />
          ))}
        </div>
        <Text id={`${daysId}-hint`} size={200} className={styles.muted}>
          {t('basics.daysHint')}
        </Text>
      </div>
      <Switch
        label={t('basics.window')}
        checked={schedule.windowEnabled}
        onChange={(_, data) => dispatch({ type: 'schedule', patch: { windowEnabled: data.checked } })}
      />
      {schedule.windowEnabled && (
        <div className={styles.window}>
          <Field label={t('basics.from')} validationMessage={message(errors.window)}>
            <Input type="time" value={schedule.from} onChange={(_, data) => dispatch({ type: 'schedule', patch: { from: data.value } })} />
          </Field>
          <Field label={t('basics.to')}>
            <Input type="time" value={schedule.to} onChange={(_, data) => dispatch({ type: 'schedule', patch: { to: data.value } })} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
