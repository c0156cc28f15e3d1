import { makeStyles, tokens } from '@fluentui/react-components';
import type { SearchHit } from '../../../contracts/index.ts';
import { ContactCard } from './contact-card.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

export interface SearchResultsProps {
  hits: SearchHit[];
  label: string;
}

/** The hits of one search, best first, each with what matched highlighted. */
export function SearchResults({ hits, label }: SearchResultsProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {hits.map((hit) => (
        <li key={hit.contact.id}>
          <ContactCard contact={hit.contact} matches={hit.matches} />
        </li>
      ))}
    </ul>
  );
}
