import { renderPage } from '../render-page.tsx';
import { SidePanel } from './side-panel.tsx';

// Outlook's side panel (taskpane.html): the selected message's sender, and lookups by hand.
renderPage((session) => <SidePanel {...session} />);
