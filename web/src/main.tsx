import { SessionView } from './components/session-view.tsx';
import { renderPage } from './render-page.tsx';

// The Teams tab and the browser page: search, caller lookup, data sources.
renderPage((session) => <SessionView {...session} />);
