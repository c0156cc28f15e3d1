import { z } from 'zod';

/**
 * Graph's orgContact as read (v1.0). Every string may be null and the type is open, so
 * unknown properties pass through untouched: the store keeps the object exactly as served.
 */
const nullableString = z.string().nullable().optional();

export const orgContactSchema = z.looseObject({
  id: z.string().min(1),
  displayName: nullableString,
  givenName: nullableString,
  surname: nullableString,
  mail: nullableString,
  companyName: nullableString,
  department: nullableString,
  jobTitle: nullableString,
  phones: z
    .array(z.looseObject({ number: nullableString, type: nullableString }))
    .nullable()
    .optional(),
  addresses: z
    .array(
      z.looseObject({
        street: nullableString,
        city: nullableString,
        state: nullableString,
        postalCode: nullableString,
        countryOrRegion: nullableString,
        officeLocation: nullableString,
      }),
    )
    .nullable()
    .optional(),
});

export type OrgContact = z.infer<typeof orgContactSchema>;

export const removedSchema = z.object({
  id: z.string().min(1),
  '@removed': z.object({ reason: z.string() }),
});

export const deltaPageSchema = z.object({
  value: z.array(z.looseObject({ id: z.string() })),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
