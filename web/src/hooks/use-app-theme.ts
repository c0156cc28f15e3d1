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
import { useForcedColors, usePrefersDark } from './use-media-query.ts';

const TEAMS_THEMES: Record<HostThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/**
 * Teams themes inside a Microsoft 365 host (following its theme changes); elsewhere the web
 * themes, or the high-contrast theme while the system forces its colours (Fluent v9 has no web
 * high-contrast theme).
 */
export function useAppTheme(host: HostInfo | null): Theme {
  const prefersDark = usePrefersDark();
  const forcedColors = useForcedColors();
  const [teamsTheme, setTeamsTheme] = useState<HostThemeName | null>(null);

  useEffect(() => {
    if (host?.kind !== 'teams') return;
    host.onThemeChange(setTeamsTheme);
  }, [host]);

  if (host?.kind === 'teams') return TEAMS_THEMES[teamsTheme ?? host.theme];
  if (forcedColors) return teamsHighContrastTheme;
  return prefersDark ? webDarkTheme : webLightTheme;
}
