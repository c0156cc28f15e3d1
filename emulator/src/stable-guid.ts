// Object ids derived from a name: the seeded tenant gets the same ids on every start, so
// documentation, tests and a developer's bookmarks can name them.

import { createHash } from 'node:crypto';

/** A version-4-shaped GUID from the SHA-256 of `name`. */
export function stableGuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
