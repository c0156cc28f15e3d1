/**
 * Showing a number to a user, in the style of the user's (viewer's) dialling profile.
 */
import type { DiallingProfile } from '../../../contracts/datasource.ts';
import type { StoredNumber } from './stored-number.ts';
import { parseE164, planFor, profileDigits, profileMainE164 } from './dialling-plan.ts';

export type NumberStyle = 'international' | 'national' | 'shortest';

/** Countries where a number in the same area can be dialled without its area code. Closed plans
 *  (CH, FR, IT, ES, BE, NANP with 10-digit dialling, and NL to be safe) always show the national form. */
const LOCAL_DIALLING = new Set(['DE', 'AT', 'GB']);

/** International: "+49 89 12345-678" (DACH extension after a dash; suffix extensions " ext. 123").
 *  National: the viewer's national form when the number is in the viewer's country (same country
 *  calling code: NANP, +39 Italy/Vatican, +44 UK/Crown dependencies dial each other nationally), else international.
 *  Shortest: the local number without area code when same country and area code and the country
 *  dials locally (DE "12345-678", GB "7946 0958"), national when same country, else international;
 *  numbers of the viewer's own company show the national form. */
export function formatNumber(n: Pick<StoredNumber, 'e164' | 'main' | 'extension' | 'directDial'>, style: NumberStyle, viewer: DiallingProfile): string {
  try {
    return format(n, style, viewer);
  } catch {
    return n.e164;
  }
}

function format(n: Pick<StoredNumber, 'e164' | 'main' | 'extension' | 'directDial'>, style: NumberStyle, viewer: DiallingProfile): string {
  const direct = n.directDial && n.main !== null && n.extension !== null && n.e164 === n.main + n.extension;
  const base = direct ? (n.main ?? n.e164) : n.e164;
  const parsed = parseE164(base);
  if (!parsed) return n.e164;
  const suffix = n.extension === null ? '' : direct ? `-${n.extension}` : ` ext. ${n.extension}`;
  const viewerPlan = planFor(viewer.country);
  const sameCountry = viewerPlan !== null && parsed.countryCallingCode === viewerPlan.cc;
  if (style === 'international' || !sameCountry) return parsed.format('INTERNATIONAL') + suffix;
  const national = parsed.format('NATIONAL');
  if (style === 'national') return national + suffix;

  const ownMain = profileMainE164(viewer);
  if (ownMain && n.e164.startsWith(ownMain)) return national + suffix;
  const areaCode = profileDigits(viewer.areaCode, viewerPlan);
  const nsn = parsed.nationalNumber;
  if (areaCode && LOCAL_DIALLING.has(viewerPlan.country) && nsn.startsWith(areaCode) && nsn.length > areaCode.length) {
    const localDigits = nsn.length - areaCode.length + (direct ? (n.extension?.length ?? 0) : 0);
    // A local number as short as an internal extension would be dialled as one: keep the area code.
    const local = nsn.slice(areaCode.length);
    // A local number as short as an internal extension would be dialled as one, and one starting with
    // the trunk prefix as a national number: keep the area code then.
    if (localDigits > (viewer.extensionLength ?? 0) && !(viewerPlan.trunk && local.startsWith(viewerPlan.trunk))) {
      // Only where the area code is a group of its own in the national form (a real area code).
      const stripped = stripAreaCode(national, (viewerPlan.trunkRequired ? (viewerPlan.trunk ?? '') : '') + areaCode);
      if (stripped !== null) return stripped;
    }
  }
  return national + suffix;

  function stripAreaCode(formatted: string, prefix: string): string | null {
    let consumed = 0;
    for (let i = 0; i < formatted.length; i++) {
      const ch = formatted[i] ?? '';
      if (!/\d/.test(ch)) continue;
      if (ch !== prefix[consumed]) return null;
      consumed++;
      if (consumed === prefix.length) {
        const next = formatted[i + 1] ?? '';
        if (/\d/.test(next)) return null; // the area code ends inside a digit group
        const rest = formatted.slice(i + 1).replace(/^[\s)\-./]+/, '');
        return rest === '' ? null : rest + suffix;
      }
    }
    return null;
  }
}
