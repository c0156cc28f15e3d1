import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from '../api/error-text.ts';

export interface ErrorMessageBarProps {
  error: unknown;
  /** Says what failed where the generic title would not (e.g. "Entra refused to create the app"). */
  title?: string;
}

/** An API (or other) error as a Fluent error MessageBar. */
export function ErrorMessageBar({ error, title }: ErrorMessageBarProps) {
  const text = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? text.title}</MessageBarTitle>
        {text.detail}
      </MessageBarBody>
    </MessageBar>
  );
}
