import { useFocusFinders } from '@fluentui/react-components';

/**
 * Keeps Fluent's focus manager (Tabster) alive while the screen is shown. Tabster is shared and
 * disposed when its last user unmounts; a modal dialog's clean-up (taking `aria-hidden` off the
 * rest of the page) runs a moment after it closes, and is lost if Tabster goes meanwhile
 * (tabster#530). That happens when the dialog ends a view, such as leaving the wizard: the page
 * would stay hidden from screen readers.
 */
export function useLastingFocusManagement(): void {
  useFocusFinders();
}
