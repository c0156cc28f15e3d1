import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type RenderSession } from './components/app.tsx';
import { HostThemeProvider } from './components/host-theme-provider.tsx';

/** Mounts one page of the app (the tab, Outlook's side panel): host, theme, sign-in, then `renderSession`. */
export function renderPage(renderSession: RenderSession): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('the page has no #root element');
  createRoot(container).render(
    <StrictMode>
      <HostThemeProvider>
        <App renderSession={renderSession} />
      </HostThemeProvider>
    </StrictMode>,
  );
}
