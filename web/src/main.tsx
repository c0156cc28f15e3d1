import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/app.tsx';
import { HostThemeProvider } from './components/host-theme-provider.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <HostThemeProvider>
      <App />
    </HostThemeProvider>
  </StrictMode>,
);
