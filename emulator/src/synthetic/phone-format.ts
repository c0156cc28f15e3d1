// Writes numbers the inconsistent ways real directories hold them: brackets, dashes, dots,
// slashes, a "(0)" trunk prefix, "00" instead of "+", extensions glued on or after an "x".

import type { CountryPlan } from './countries.ts';
import type { Rng } from './prng.ts';

export interface PhoneParts {
  plan: CountryPlan;
  /** Area code or mobile prefix, without trunk prefix. */
  area: string;
  subscriber: string;
  /** Suffix extension (`-678`) or, for `x` style countries, a dialled extension (`x123`). */
  extension: string | null;
}

export type PhoneForm =
  | 'intl'
  | 'intlParenArea'
  | 'intlTrunk'
  | 'double0Dash'
  | 'double0Space'
  | 'nationalSlash'
  | 'nationalDots'
  | 'national'
  | 'nationalDash'
  | 'nationalParen'
  | 'e164'
  | 'oddGrouping';

const FORMS_BY_COUNTRY: Record<string, readonly PhoneForm[]> = {
  DE: ['intl', 'intl', 'intlParenArea', 'double0Dash', 'intlTrunk', 'nationalSlash', 'nationalDots', 'national', 'e164', 'nationalDash'],
  AT: ['intl', 'intl', 'intlParenArea', 'double0Dash', 'intlTrunk', 'nationalSlash', 'national', 'e164'],
  CH: ['intl', 'intl', 'intlTrunk', 'national', 'national', 'double0Space', 'nationalSlash', 'e164'],
  GB: ['intl', 'intl', 'intlTrunk', 'national', 'national', 'nationalParen', 'double0Space', 'e164', 'oddGrouping'],
  FR: ['intl', 'intlTrunk', 'national', 'national', 'nationalDots', 'double0Space', 'e164'],
  IT: ['intl', 'intl', 'national', 'nationalSlash', 'double0Space', 'e164'],
  NL: ['intl', 'intlTrunk', 'national', 'nationalDash', 'nationalDash', 'double0Space', 'e164'],
  TR: ['intl', 'intl', 'national', 'nationalParen', 'intlParenArea', 'double0Space', 'e164'],
  PL: ['intl', 'intl', 'national', 'nationalParen', 'double0Space', 'e164'],
};

const US_FORMS = ['paren', 'dash', 'dots', 'intlDash', 'intlParen', 'oneDash', 'e164', 'intlSpace'] as const;

export function pickForm(rng: Rng, plan: CountryPlan): number {
  const forms = plan.code === 'US' ? US_FORMS : (FORMS_BY_COUNTRY[plan.code] ?? ['intl']);
  return rng.int(0, forms.length - 1);
}

/** Formats a number; `formIndex` lets a company keep one house style for most of its staff. */
export function formatPhone(rng: Rng, parts: PhoneParts, formIndex?: number): string {
  if (parts.plan.code === 'US') return formatNanp(rng, parts, formIndex);
  const forms = FORMS_BY_COUNTRY[parts.plan.code] ?? ['intl'];
  const form = forms[(formIndex ?? rng.int(0, forms.length - 1)) % forms.length] ?? 'intl';
  return formatWith(form, parts);
}

function formatWith(form: PhoneForm, parts: PhoneParts): string {
  const { plan, area, subscriber, extension } = parts;
  const cc = plan.callingCode;
  const trunkArea = plan.trunk + area;
  const groups = plan.group(subscriber);
  const spaced = groups.join(' ');
  const ext = (sep: string): string => (extension ? sep + extension : '');
  switch (form) {
    case 'intl':
      return `+${cc} ${area} ${spaced}${ext('-')}`;
    case 'intlParenArea':
      return plan.code === 'TR' ? `+${cc} (${area}) ${spaced}${ext('-')}` : `+${cc}(${area})${subscriber}${ext('-')}`;
    case 'intlTrunk':
      return plan.trunk === '0' ? `+${cc} (0)${area} ${spaced}${ext('-')}` : `+${cc} ${area} ${spaced}${ext('-')}`;
    case 'double0Dash':
      return `00${cc}-${area}-${subscriber}${ext('-')}`;
    case 'double0Space':
      return `00${cc} ${area} ${subscriber}${ext(' ')}`;
    case 'nationalSlash':
      return `${trunkArea}/${subscriber}${ext('')}`;
    case 'nationalDots': {
      const dotted = groups.length > 1 ? groups.join('.') : halves(subscriber).join('.');
      return `${trunkArea}.${dotted}${ext('.')}`;
    }
    case 'national':
      return `${trunkArea} ${spaced}${ext('-')}`;
    case 'nationalDash':
      return `${trunkArea}-${subscriber}${ext('-')}`;
    case 'nationalParen':
      return plan.code === 'PL' ? `(${trunkArea}) ${groups.join('-')}` : `(${trunkArea}) ${spaced}${ext('-')}`;
    case 'e164':
      return `+${cc}${area}${subscriber}${ext('')}`;
    case 'oddGrouping':
      return `${trunkArea} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}${ext(' ')}`;
  }
}

function halves(s: string): string[] {
  const at = Math.floor(s.length / 2);
  return [s.slice(0, at), s.slice(at)];
}

function formatNanp(rng: Rng, parts: PhoneParts, formIndex?: number): string {
  const { area, subscriber, extension } = parts;
  const exchange = subscriber.slice(0, 3);
  const line = subscriber.slice(3);
  const form = US_FORMS[(formIndex ?? rng.int(0, US_FORMS.length - 1)) % US_FORMS.length] ?? 'paren';
  let base: string;
  switch (form) {
    case 'paren': base = `(${area}) ${exchange}-${line}`; break;
    case 'dash': base = `${area}-${exchange}-${line}`; break;
    case 'dots': base = `${area}.${exchange}.${line}`; break;
    case 'intlDash': base = `+1 ${area}-${exchange}-${line}`; break;
    case 'intlParen': base = `+1 (${area}) ${exchange}-${line}`; break;
    case 'oneDash': base = `1-${area}-${exchange}-${line}`; break;
    case 'e164': base = `+1${area}${subscriber}`; break;
    case 'intlSpace': base = `+1 ${area} ${exchange} ${line}`; break;
  }
  if (!extension) return base;
  return base + rng.pick([' x', ' x', ' ext. ', ' ext ', ' X']) + extension;
}
