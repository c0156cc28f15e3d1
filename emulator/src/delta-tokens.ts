// State carried by delta links. A round covers changes with since < seq <= upTo (a full round:
// every live object); the deltaLink starts the next round at this round's upTo, so a change
// made while a round is paged is reported in this round or the next, never lost.

import { z } from 'zod';
import { openToken, sealToken } from './opaque-token.ts';
import { ORG_CONTACT_PROPERTIES, type OrgContactProperty } from './org-contact.ts';

const select = z.array(z.enum(ORG_CONTACT_PROPERTIES)).nullable();

const pageSchema = z.object({
  k: z.literal('dp'),
  since: z.number().int().nonnegative().nullable(),
  upTo: z.number().int().nonnegative(),
  after: z.string().nullable(),
  sel: select,
  /** Issue time (emulator clock, ms), for the page-token lifetime. */
  t: z.number(),
});

/** `e`: the delta-token epoch the link was issued in (RunningEmulator.expireDeltaTokens bumps it). */
const linkSchema = z.object({ k: z.literal('dl'), since: z.number().int().nonnegative(), sel: select, e: z.number().int().nonnegative() });

export type DeltaPageState = Omit<z.infer<typeof pageSchema>, 'k'>;
export type DeltaLinkState = Omit<z.infer<typeof linkSchema>, 'k'>;

export function sealDeltaPage(secret: Buffer, state: DeltaPageState): string {
  return sealToken(secret, { k: 'dp', ...state });
}

export function openDeltaPage(secret: Buffer, token: string): DeltaPageState | undefined {
  return openToken(secret, token, pageSchema);
}

export function sealDeltaLink(secret: Buffer, since: number, sel: OrgContactProperty[] | null, epoch: number): string {
  return sealToken(secret, { k: 'dl', since, sel, e: epoch });
}

export function openDeltaLink(secret: Buffer, token: string): DeltaLinkState | undefined {
  return openToken(secret, token, linkSchema);
}
