import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// Entry of auth-redirect.html, where Entra sends the sign-in answer: MSAL v5 hands it to the
// waiting page (popup: over a BroadcastChannel; redirect: back to the page that started it).
broadcastResponseToMainFrame().catch((error: unknown) => {
  const message = document.getElementById('message');
  if (message !== null) message.textContent = 'Sign-in could not be completed. Close this window and try again.';
  console.error(error);
});
