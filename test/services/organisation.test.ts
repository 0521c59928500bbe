import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/api/contract'
import type { ServiceContext } from '../../electron/main/services/context'
import { getOrganisation, removeOrganisationLogo, setOrganisationLogo, updateOrganisation } from '../../electron/main/services/organisation/organisationService'
import { serviceContext, tempDb, type TempDb } from '../helpers/tempDb'

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='
let t: TempDb
let ctx: ServiceContext

beforeEach(async () => {
  t = await tempDb()
  ctx = serviceContext(t.db)
})
afterEach(() => t.cleanup())

describe('organisation settings', () => {
  it('starts empty and saves the identity', () => {
    expect(getOrganisation(t.db).raisonSociale).toBeNull()
    const input = contract['organisation:update'].input.parse({
      raisonSociale: 'Atelier Formation Bretagne Sud',
      siret: '73282932000074',
      nda: '53 56 09123 56',
      legalForm: 'SAS',
      postalCode: '56100',
      city: 'Lorient',
      qualiopiNumber: 'FR-2024-123',
      qualiopiValidUntil: '2027-06-30',
      signatoryName: 'Anne Le Goff',
      signatoryTitle: 'Directrice'
    })
    const saved = updateOrganisation(ctx, input)
    expect(saved).toMatchObject({ raisonSociale: 'Atelier Formation Bretagne Sud', siret: '73282932000074', nda: '53560912356', city: 'Lorient' })
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE operation = 'organisation.update'").pluck().get()).toBe(1)
  })

  it('stores a PNG logo checked by its bytes, and removes it', () => {
    const withLogo = setOrganisationLogo(ctx, 'image/png', PNG_1PX)
    expect(withLogo.logoDataUrl).toBe(`data:image/png;base64,${PNG_1PX}`)
    expect(() => setOrganisationLogo(ctx, 'image/jpeg', PNG_1PX)).toThrow(/PNG, pas JPEG/)
    expect(() => setOrganisationLogo(ctx, 'image/png', Buffer.from('<svg></svg>').toString('base64'))).toThrow(/PNG ou JPEG/)
    expect(getOrganisation(t.db).logoDataUrl).toBe(withLogo.logoDataUrl)
    expect(removeOrganisationLogo(ctx).logoDataUrl).toBeNull()
  })
})
