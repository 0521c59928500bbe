import { describe, expect, it } from 'vitest'
import type { Organisation } from '@shared/api/areas/organisation'
import {
  formToOrganisationInput,
  organisationToForm,
  qualiopiWarning,
  siretStatus,
  validateOrganisationForm
} from '../../../renderer/src/features/settings/organisationFormRules'
import { checkLogoFile, dataUrlToBase64 } from '../../../renderer/src/features/settings/logo'

const blank: Organisation = {
  raisonSociale: null,
  siret: null,
  nda: null,
  legalForm: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  regionCode: null,
  phone: null,
  email: null,
  website: null,
  qualiopiNumber: null,
  qualiopiValidUntil: null,
  signatoryName: null,
  signatoryTitle: null,
  logoDataUrl: null,
  updatedAt: null
}

describe('SIRET live check', () => {
  it('says when the SIRET is valid, and why not', () => {
    expect(siretStatus('732 829 320 00074')).toEqual({ kind: 'ok', message: 'SIRET valide' })
    expect(siretStatus('73282932000075')).toEqual({ kind: 'error', message: "Le SIRET 732 829 320 00075 n'est pas valide (clé de contrôle incorrecte)." })
    expect(siretStatus('1234')).toEqual({ kind: 'error', message: 'Le SIRET doit comporter 14 chiffres.' })
    expect(siretStatus('')).toBeNull()
  })

  it('accepts La Poste SIRETs by their own rule', () => {
    expect(siretStatus('35600000000048')?.kind).toBe('ok')
  })
})

describe('organisation form', () => {
  it('requires the name and the SIRET', () => {
    const errors = validateOrganisationForm(organisationToForm(blank))
    expect(Object.keys(errors).sort()).toEqual(['raisonSociale', 'siret'])
  })

  it('checks the NDA length and the Qualiopi date', () => {
    const v = { ...organisationToForm(blank), raisonSociale: 'Form’Avenir', siret: '73282932000074', nda: '1175', qualiopiValidUntil: '32/01/2027' }
    const errors = validateOrganisationForm(v)
    expect(errors.nda).toBe("Le numéro de déclaration d'activité (NDA) doit comporter 11 caractères.")
    expect(errors.qualiopiValidUntil).toBe("La date 32/01/2027 n'existe pas.")
  })

  it('builds the full update with ISO dates and nulls', () => {
    const v = { ...organisationToForm(blank), raisonSociale: ' Form’Avenir ', siret: '732 829 320 00074', legalForm: 'SAS', qualiopiValidUntil: '31/12/2027' }
    const input = formToOrganisationInput(v)
    expect(input.raisonSociale).toBe('Form’Avenir')
    expect(input.legalForm).toBe('SAS')
    expect(input.qualiopiValidUntil).toBe('2027-12-31')
    expect(input.nda).toBeNull()
  })

  it('shows a stored SIRET grouped and a stored date in French', () => {
    const form = organisationToForm({ ...blank, siret: '73282932000074', qualiopiValidUntil: '2027-12-31' })
    expect(form.siret).toBe('732 829 320 00074')
    expect(form.qualiopiValidUntil).toBe('31/12/2027')
  })

  it('warns when Qualiopi has expired or expires soon', () => {
    expect(qualiopiWarning('01/11/2026', '2026-11-22')).toContain('expiré depuis le 01/11/2026')
    expect(qualiopiWarning('02/12/2026', '2026-11-22')).toContain('dans 10 jours')
    expect(qualiopiWarning('31/12/2027', '2026-11-22')).toBeNull()
    expect(qualiopiWarning('', '2026-11-22')).toBeNull()
  })
})

describe('logo file', () => {
  it('accepts PNG and JPEG up to 1 Mo', () => {
    expect(checkLogoFile({ type: 'image/png', size: 2000 })).toBeNull()
    expect(checkLogoFile({ type: 'image/gif', size: 2000 })).toBe('Le logo doit être une image PNG ou JPEG.')
    expect(checkLogoFile({ type: 'image/jpeg', size: 2 * 1024 * 1024 })).toContain('1 Mo')
  })

  it('keeps the base64 part of a data URL', () => {
    expect(dataUrlToBase64('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=')
  })
})
