import { useState } from 'react';
import {
  Avatar,
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DirectoryObjectHit, DirectoryObjectRef } from '../../../../contracts/index.ts';
import { ErrorMessageBar } from '../../components/error-message-bar.tsx';
import { useApiQuery } from '../../hooks/use-api-query.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useSession } from '../../hooks/use-session.ts';

const SEARCH_DEBOUNCE_MS = 250;
/** The one option shown when there is nothing to pick; selecting it does nothing. */
const NOTHING = '__nothing__';

export interface DirectoryPickerProps {
  kind: 'groups' | 'users';
  label: string;
  selected: DirectoryObjectRef[];
  onChange: (selected: DirectoryObjectRef[]) => void;
  /** Whose app searches the tenant: a generated app's credential id, or a saved source. */
  searchWith: { credentialId: string } | { sourceId: string };
  validationMessage: string | undefined;
}

/** Pick Entra groups or users by typing part of a name: Graph is searched as you type. */
export function DirectoryPicker({ kind, label, selected, onChange, searchWith, validationMessage }: DirectoryPickerProps) {
  const { t } = useTranslation('wizard');
  const { api } = useSession();
  const [query, setQuery] = useState('');
  // Typing (or pasting) opens the list, so the hits show without an extra key press.
  const [open, setOpen] = useState(false);
  const search = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const hits = useApiQuery<DirectoryObjectHit[]>(search === '' ? null : `${kind}:${JSON.stringify(searchWith)}:${search}`, (signal) =>
    api.searchDirectory(kind, search, searchWith, signal),
  );
  const options = (hits.data ?? []).filter((hit) => !selected.some((ref) => ref.id === hit.id));
  const waiting = hits.loading || query.trim() !== search;
  const emptyText = query.trim() === '' ? t('access.typeMore') : waiting ? t('access.searching') : t('access.noMatch', { query: search });

  return (
    <Field label={label} required validationMessage={validationMessage}>
      <TagPicker
        open={open}
        onOpenChange={(_, data) => setOpen(data.open)}
        selectedOptions={selected.map((ref) => ref.id)}
        onOptionSelect={(_, data) => {
          if (data.value === NOTHING) return;
          const known = [...selected, ...(hits.data ?? [])];
          onChange(
            data.selectedOptions.flatMap((id) => {
              const found = known.find((item) => item.id === id);
              return found === undefined ? [] : [{ id: found.id, displayName: found.displayName }];
            }),
          );
          setQuery('');
        }}
      >
        <TagPickerControl>
          <TagPickerGroup aria-label={t('access.selected', { count: selected.length })}>
            {selected.map((ref) => (
              <Tag key={ref.id} shape="rounded" value={ref.id} media={<Avatar aria-hidden name={ref.displayName} color="colorful" />} aria-label={t('access.remove', { name: ref.displayName })}>
                {ref.displayName}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={label}
            placeholder={t('access.searchPlaceholder')}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
            }}
          />
        </TagPickerControl>
        <TagPickerList>
          {options.length > 0 ? (
            options.map((hit) => (
              <TagPickerOption
                key={hit.id}
                value={hit.id}
                text={hit.displayName}
                secondaryContent={hit.secondary ?? undefined}
                media={<Avatar aria-hidden name={hit.displayName} color="colorful" />}
              >
                {hit.displayName}
              </TagPickerOption>
            ))
          ) : (
            <TagPickerOption value={NOTHING} text={emptyText}>
              {emptyText}
            </TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
      {hits.error !== null && <ErrorMessageBar error={hits.error} />}
    </Field>
  );
}
