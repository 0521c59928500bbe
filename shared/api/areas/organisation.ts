import { z } from 'zod'
import { command, query } from '../spec'
import { email, nda, optionalIsoDate, optionalText, phone, postalCode, siret, text } from '../fields'
import { LEGAL_FORMS, LOGO_MIME_TYPES } from '../../domain/organisation'
import { REGION_CODES } from '../../domain/regions'

export type Organisation = {
  raisonSociale: string | null
  siret: string | null
  nda: string | null
  legalForm: string | null
  addressLine1: string | null
  addressLine2: string | null
  postalCode: string | null
  city: string | null
  /** INSEE code of the region whose préfet registered the NDA (named on every document). */
  regionCode: string | null
  phone: string | null
  email: string | null
  website: string | null
  qualiopiNumber: string | null
  qualiopiValidUntil: string | null
  signatoryName: string | null
  signatoryTitle: string | null
  /** `data:` URL, so the renderer can show it without another round trip or a file URL. */
  logoDataUrl: string | null
  updatedAt: string | null
}

export const OrganisationInput = z
  .object({
    raisonSociale: text(200, 'La raison sociale'),
    siret,
    nda,
    legalForm: z.enum(LEGAL_FORMS, { error: 'Forme juridique inconnue.' }).nullish().transform((v) => v ?? null),
    addressLine1: optionalText(200, 'L’adresse'),
    addressLine2: optionalText(200, 'Le complément d’adresse'),
    postalCode,
    city: optionalText(100, 'La ville'),
    regionCode: z.enum(REGION_CODES, { error: 'Région inconnue.' }).nullish().transform((v) => v ?? null),
    phone,
    email,
    website: optionalText(200, 'Le site web'),
    qualiopiNumber: optionalText(60, 'Le numéro de certificat Qualiopi'),
    qualiopiValidUntil: optionalIsoDate('La date de validité Qualiopi'),
    signatoryName: optionalText(120, 'Le nom du signataire'),
    signatoryTitle: optionalText(120, 'La qualité du signataire')
  })
  .strict()
export type OrganisationInput = z.input<typeof OrganisationInput>

export const organisationOps = {
  'organisation:get': query<Organisation>()(z.object({}).strict()),
  'organisation:update': command<Organisation>()(OrganisationInput),
  'organisation:setLogo': command<Organisation>()(
    z
      .object({
        mime: z.enum(LOGO_MIME_TYPES, { error: 'Le logo doit être une image PNG ou JPEG.' }),
        // base64 of at most 1 MiB: 4/3 of it, plus padding.
        base64: z.string().min(8).max(1_400_000, 'Le logo ne doit pas dépasser 1 Mo.')
      })
      .strict()
  ),
  'organisation:removeLogo': command<Organisation>()(z.object({}).strict())
}
