import type { Organisation } from '@shared/api/areas/organisation'
import type { OrganisationInput } from '@shared/api/areas/organisation'
import { AppError } from '@shared/api/result'
import { LOGO_MAX_BYTES, type LogoMime } from '@shared/domain/organisation'
import type { z } from 'zod'
import type { Db } from '../../db/open'
import { recordAudit } from '../audit/recordAudit'
import { nowIso, type ServiceContext } from '../context'
import { detectImageMime } from './imageMime'

type Row = {
  raison_sociale: string | null
  siret: string | null
  nda: string | null
  legal_form: string | null
  address_line1: string | null
  address_line2: string | null
  postal_code: string | null
  city: string | null
  region_code: string | null
  phone: string | null
  email: string | null
  website: string | null
  qualiopi_number: string | null
  qualiopi_valid_until: string | null
  signatory_name: string | null
  signatory_title: string | null
  logo: Buffer | null
  logo_mime: string | null
  updated_at: string | null
}

// Column <-> field names of the editable identity, in one place for reads, writes and the audit.
const COLUMNS = {
  raisonSociale: 'raison_sociale',
  siret: 'siret',
  nda: 'nda',
  legalForm: 'legal_form',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  postalCode: 'postal_code',
  city: 'city',
  regionCode: 'region_code',
  phone: 'phone',
  email: 'email',
  website: 'website',
  qualiopiNumber: 'qualiopi_number',
  qualiopiValidUntil: 'qualiopi_valid_until',
  signatoryName: 'signatory_name',
  signatoryTitle: 'signatory_title'
} as const satisfies Record<keyof z.output<typeof OrganisationInput>, keyof Row>

function toOrganisation(row: Row): Organisation {
  const identity = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, column]) => [field, row[column]])
  ) as Omit<Organisation, 'logoDataUrl' | 'updatedAt'>
  return {
    ...identity,
    logoDataUrl: row.logo && row.logo_mime ? `data:${row.logo_mime};base64,${row.logo.toString('base64')}` : null,
    updatedAt: row.updated_at
  }
}

export function getOrganisation(db: Db): Organisation {
  const row = db.prepare<unknown[], Row>('SELECT * FROM organisation WHERE id = 1').get()
  if (!row) throw new AppError('not_found', "La fiche de l'organisme est introuvable.")
  return toOrganisation(row)
}

export function updateOrganisation(ctx: ServiceContext, input: z.output<typeof OrganisationInput>): Organisation {
  return ctx.db.transaction(() => {
    const before = getOrganisation(ctx.db)
    const entries = Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]
    const sets = entries.map(([, column]) => `${column} = @${column}`).join(', ')
    const params: Record<string, unknown> = Object.fromEntries(entries.map(([field, column]) => [column, input[field]]))
    params.updated_at = nowIso(ctx.clock)
    ctx.db.prepare(`UPDATE organisation SET ${sets}, updated_at = @updated_at WHERE id = 1`).run(params)
    const after = getOrganisation(ctx.db)
    recordAudit(ctx, {
      operation: 'organisation.update',
      entity: 'organisation',
      entityId: 1,
      before: withoutLogo(before),
      after: withoutLogo(after)
    })
    return after
  })()
}

export function setOrganisationLogo(ctx: ServiceContext, mime: LogoMime, base64: string): Organisation {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError('invalid_input', 'Le logo ne doit pas dépasser 1 Mo.')
  const actual = detectImageMime(bytes)
  if (!actual) throw new AppError('invalid_input', "Ce fichier n'est pas une image PNG ou JPEG lisible.")
  if (actual !== mime) throw new AppError('invalid_input', `Le fichier est une image ${actual === 'image/png' ? 'PNG' : 'JPEG'}, pas ${mime === 'image/png' ? 'PNG' : 'JPEG'}.`)
  return ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE organisation SET logo = ?, logo_mime = ?, updated_at = ? WHERE id = 1').run(bytes, mime, nowIso(ctx.clock))
    recordAudit(ctx, { operation: 'organisation.setLogo', entity: 'organisation', entityId: 1, after: { mime, bytes: bytes.length } })
    return getOrganisation(ctx.db)
  })()
}

export function removeOrganisationLogo(ctx: ServiceContext): Organisation {
  return ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE organisation SET logo = NULL, logo_mime = NULL, updated_at = ? WHERE id = 1').run(nowIso(ctx.clock))
    recordAudit(ctx, { operation: 'organisation.removeLogo', entity: 'organisation', entityId: 1 })
    return getOrganisation(ctx.db)
  })()
}

function withoutLogo(o: Organisation): Omit<Organisation, 'logoDataUrl'> {
  const { logoDataUrl: _logo, ...rest } = o
  return rest
}
