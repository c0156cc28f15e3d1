import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from '../api/error-text.ts';

export interface ErrorMessageBarProps {
  error: unknown;
}

/** An API (or other) error as a Fluent error MessageBar. */
export function ErrorMessageBar({ error }: ErrorMessageBarProps) {
  const text = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.detail}
      </MessageBarBody>
    </MessageBar>
  );
}
