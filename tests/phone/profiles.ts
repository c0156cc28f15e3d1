import type { DiallingProfile } from '../../contracts/datasource.ts';

function profile(p: Partial<DiallingProfile> & Pick<DiallingProfile, 'country'>): DiallingProfile {
  return { areaCode: null, mainNumber: null, extensionLength: null, outsideLinePrefix: null, displayFormat: 'shortest', ...p };
}

/** Named dialling profiles the tables refer to. */
export const PROFILES = {
  /** Munich office, German PBX: "0" for an outside line, 3-digit extensions, main number 089 987654. */
  MUC: profile({ country: 'DE', areaCode: '89', mainNumber: '89987654', extensionLength: 3, outsideLinePrefix: '0' }),
  /** Germany with nothing but the country configured. */
  DE: profile({ country: 'DE' }),
  /** Vienna, main number 01 40400, 4-digit extensions. */
  VIE: profile({ country: 'AT', areaCode: '1', mainNumber: '140400', extensionLength: 4, outsideLinePrefix: '0' }),
  /** Zurich, closed numbering plan: main number 044 668 18 00. */
  ZRH: profile({ country: 'CH', areaCode: '44', mainNumber: '446681800', extensionLength: 3, outsideLinePrefix: '0' }),
  /** London, "9" for an outside line. */
  LON: profile({ country: 'GB', areaCode: '20', mainNumber: '2079460000', extensionLength: 4, outsideLinePrefix: '9' }),
  /** New York, "9" for an outside line, main number (212) 555-0100. */
  NYC: profile({ country: 'US', areaCode: '212', mainNumber: '2125550100', extensionLength: 4, outsideLinePrefix: '9' }),
  US: profile({ country: 'US' }),
  /** Paris. */
  PAR: profile({ country: 'FR', areaCode: '1', mainNumber: '142685300', extensionLength: 3, outsideLinePrefix: '0' }),
  /** Rome: the 0 of 06 belongs to the number. */
  ROM: profile({ country: 'IT', areaCode: '06', mainNumber: '0648801234', extensionLength: 3, outsideLinePrefix: '0' }),
  IT: profile({ country: 'IT' }),
  /** Amsterdam. */
  AMS: profile({ country: 'NL', areaCode: '20', mainNumber: '201234567', extensionLength: 3, outsideLinePrefix: '0' }),
  /** Admin typed the trunk prefix into the profile ("089", "089987654"): tolerated. */
  MUC0: profile({ country: 'DE', areaCode: '089', mainNumber: '089987654', extensionLength: 3 }),
} satisfies Record<string, DiallingProfile>;

export type ProfileName = keyof typeof PROFILES;
