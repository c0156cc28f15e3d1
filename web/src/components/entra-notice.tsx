import { Body1, Card, CardHeader, Title2 } from '@fluentui/react-components';
import { CenteredPanel } from './centered-panel.tsx';

/** Entra mode is configured, but the MSAL / NAA sign-in is not built yet. */
export function EntraNotice() {
  return (
    <CenteredPanel>
      <Card>
        <CardHeader header={<Title2 as="h1">Switchboard</Title2>} />
        <Body1>
          This deployment signs in with Microsoft Entra ID. Entra sign-in arrives with issue #8; until then, use a
          deployment in demo mode.
        </Body1>
      </Card>
    </CenteredPanel>
  );
}
