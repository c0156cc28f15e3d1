import type { DiallingProfile, PhonePreview } from '../../../contracts/index.ts';
import { formatNumber } from './format-number.ts';
import { normalizeStoredNumber } from './stored-number.ts';

/** A stored number as the directory would hold and show it with this profile (wizard step 3's preview). */
export function previewNumber(text: string, profile: DiallingProfile): PhonePreview {
  const result = normalizeStoredNumber(text, profile);
  if (!result.ok) return { e164: null, main: null, extension: null, display: null, problem: result.reason };
  const n = result.number;
  return {
    e164: n.e164,
    main: n.main,
    extension: n.extension,
    display: { international: formatNumber(n, 'international', profile), national: formatNumber(n, 'national', profile), shortest: formatNumber(n, 'shortest', profile) },
    problem: null,
  };
}
