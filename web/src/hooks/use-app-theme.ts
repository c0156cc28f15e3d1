import { useEffect, useState } from 'react';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { HostInfo, HostThemeName } from '../host/host.ts';
import { usePrefersDark } from './use-prefers-dark.ts';

const TEAMS_THEMES: Record<HostThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams themes inside a Microsoft 365 host (following its theme changes), web themes elsewhere. */
export function useAppTheme(host: HostInfo | null): Theme {
  const prefersDark = usePrefersDark();
  const [teamsTheme, setTeamsTheme] = useState<HostThemeName | null>(null);

  useEffect(() => {
    if (host?.kind !== 'teams') return;
    host.onThemeChange(setTeamsTheme);
  }, [host]);

  if (host?.kind === 'teams') return TEAMS_THEMES[teamsTheme ?? host.theme];
  return prefersDark ? webDarkTheme : webLightTheme;
}
