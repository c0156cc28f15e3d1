import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EntraSettings } from '../auth/entra-settings.ts';
import { SignInError, type InteractiveTokenProvider } from '../auth/token-provider.ts';
import type { HostInfo } from '../host/host.ts';
import { useHost } from '../hooks/use-host.ts';
import type { RenderSession } from './app.tsx';
import { CenteredPanel } from './centered-panel.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { SignInPrompt } from './sign-in-prompt.tsx';

type Step =
  | { name: 'starting' }
  | { name: 'unavailable'; error: unknown }
  | { name: 'prompt'; tokens: InteractiveTokenProvider; notice: string | null; failure: string | null; pending: boolean }
  | { name: 'signed-in'; tokens: InteractiveTokenProvider };

/** MSAL is loaded only by deployments that sign in with Entra. */
async function createProvider(settings: EntraSettings, host: HostInfo): Promise<InteractiveTokenProvider> {
  const { createMsalTokenProvider } = await import('../auth/create-msal-token-provider.ts');
  return createMsalTokenProvider(settings, host);
}

type PromptStep = Extract<Step, { name: 'prompt' }>;

const prompt = (tokens: InteractiveTokenProvider, notice: string | null = null): PromptStep => ({
  name: 'prompt',
  tokens,
  notice,
  failure: null,
  pending: false,
});

export interface EntraAuthGateProps {
  settings: EntraSettings;
  renderSession: RenderSession;
}

/**
 * Entra mode: a silent sign-in first (the host's user inside Teams and Outlook, the remembered
 * account in a browser); the sign-in prompt only when Entra needs the user.
 */
export function EntraAuthGate({ settings, renderSession }: EntraAuthGateProps) {
  const host = useHost();
  const { t } = useTranslation(['signIn', 'common']);
  const [step, setStep] = useState<Step>({ name: 'starting' });
  const [attempt, setAttempt] = useState(0);
  // One MSAL client per page, even when an effect runs twice or the user tries again.
  const creating = useRef<Promise<InteractiveTokenProvider> | null>(null);

  useEffect(() => {
    let active = true;
    // Only a client that could not be created is built anew on "Try again"; a failed token
    // request is retried with the client that exists.
    creating.current ??= createProvider(settings, host).catch((error: unknown) => {
      creating.current = null;
      throw error;
    });
    creating.current
      .then(async (tokens) => {
        const token = await tokens.getToken();
        if (active) setStep(token === null ? prompt(tokens) : { name: 'signed-in', tokens });
      })
      .catch((error: unknown) => {
        if (active) setStep({ name: 'unavailable', error });
      });
    return () => {
      active = false;
    };
  }, [settings, host, attempt]);

  const tokens = step.name === 'prompt' || step.name === 'signed-in' ? step.tokens : null;
  const signIn = useCallback(() => {
    if (tokens === null) return;
    setStep({ ...prompt(tokens), pending: true });
    tokens.signIn().then(
      () => {
        setStep({ name: 'signed-in', tokens });
      },
      (error: unknown) => {
        const failure = error instanceof SignInError ? error.message : t('failed');
        setStep({ ...prompt(tokens), failure });
      },
    );
  }, [tokens, t]);
  const onUnauthorized = useCallback(() => {
    if (tokens !== null) setStep(prompt(tokens, t('expired')));
  }, [tokens, t]);
  const onSignOut = useCallback(() => {
    if (tokens === null) return;
    tokens.signOut();
    setStep(prompt(tokens));
  }, [tokens]);

  switch (step.name) {
    case 'starting':
      return (
        <CenteredPanel>
          <Spinner label={t('common:signingIn')} />
        </CenteredPanel>
      );
    case 'unavailable':
      return (
        <CenteredPanel>
          <ErrorMessageBar error={step.error} />
          <Button
            onClick={() => {
              setStep({ name: 'starting' });
              setAttempt((n) => n + 1);
            }}
          >
            {t('common:tryAgain')}
          </Button>
        </CenteredPanel>
      );
    case 'prompt':
      return <SignInPrompt notice={step.notice} failure={step.failure} pending={step.pending} onSignIn={signIn} />;
    case 'signed-in':
      // Inside Teams and Outlook the host owns the account: signing out of it here means nothing.
      return renderSession({ tokens: step.tokens, onUnauthorized, onSignOut: host.kind === 'browser' ? onSignOut : null });
  }
}
