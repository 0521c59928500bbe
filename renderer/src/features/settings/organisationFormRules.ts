import type { Organisation, OrganisationInput } from '@shared/api/areas/organisation'
import { diffDays, formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import { checkNda } from '@shared/domain/nda'
import { isRegionCode } from '@shared/domain/regions'
import { LEGAL_FORMS, type LegalForm } from '@shared/domain/organisation'
import { checkSiret, formatSiret } from '@shared/domain/siret'
import { checkEmail, checkFrenchPhone, checkPostalCode } from '@shared/domain/text'
import type { Check } from '@shared/domain/validation'
import type { FieldIssue } from '@shared/api/result'
import { issuesToFieldErrors } from '../../forms/fieldErrors'

export type OrganisationFormValues = {
  raisonSociale: string
  siret: string
  nda: string
  legalForm: string
  addressLine1: string
  addressLine2: string
  postalCode: string
  city: string
  regionCode: string
  phone: string
  email: string
  website: string
  qualiopiNumber: string
  qualiopiValidUntil: string
  signatoryName: string
  signatoryTitle: string
}
export type OrganisationField = keyof OrganisationFormValues
export type OrganisationFormErrors = Partial<Record<OrganisationField, string>>

const ORGANISATION_FIELDS: readonly OrganisationField[] = ['raisonSociale', 'siret', 'nda', 'legalForm', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'regionCode', 'phone', 'email', 'website', 'qualiopiNumber', 'qualiopiValidUntil', 'signatoryName', 'signatoryTitle']

export function organisationToForm(o: Organisation): OrganisationFormValues {
  return {
    raisonSociale: o.raisonSociale ?? '',
    siret: o.siret ? formatSiret(o.siret) : '',
    nda: o.nda ?? '',
    legalForm: o.legalForm ?? '',
    addressLine1: o.addressLine1 ?? '',
    addressLine2: o.addressLine2 ?? '',
    postalCode: o.postalCode ?? '',
    city: o.city ?? '',
    regionCode: o.regionCode ?? '',
    phone: o.phone ?? '',
    email: o.email ?? '',
    website: o.website ?? '',
    qualiopiNumber: o.qualiopiNumber ?? '',
    qualiopiValidUntil: formatDateFr(o.qualiopiValidUntil),
    signatoryName: o.signatoryName ?? '',
    signatoryTitle: o.signatoryTitle ?? ''
  }
}

const blank = (s: string): boolean => s.trim() === ''

export function checkOrganisationField(field: OrganisationField, value: string): string | null {
  const optional = (check: (s: string) => Check<unknown>): string | null => {
    if (blank(value)) return null
    const r = check(value)
    return r.ok ? null : r.message
  }
  switch (field) {
    case 'raisonSociale':
      return blank(value) ? 'La raison sociale est obligatoire.' : null
    case 'siret':
      return blank(value) ? 'Le SIRET est obligatoire : il figure sur tous les documents.' : optional(checkSiret)
    case 'nda':
      return optional(checkNda)
    case 'postalCode':
      return optional(checkPostalCode)
    case 'phone':
      return optional(checkFrenchPhone)
    case 'email':
      return optional(checkEmail)
    case 'qualiopiValidUntil':
      return optional(parseFrenchDate)
    default:
      return null
  }
}

export function validateOrganisationForm(values: OrganisationFormValues): OrganisationFormErrors {
  const errors: OrganisationFormErrors = {}
  for (const field of Object.keys(values) as OrganisationField[]) {
    const message = checkOrganisationField(field, values[field])
    if (message) errors[field] = message
  }
  return errors
}

/** "SIRET valide" once the key is right; the French error otherwise; nothing while empty. */
export function siretStatus(value: string): { kind: 'ok' | 'error'; message: string } | null {
  if (blank(value)) return null
  const r = checkSiret(value)
  return r.ok ? { kind: 'ok', message: 'SIRET valide' } : { kind: 'error', message: r.message }
}

/** Documents and AIF quotes need a valid Qualiopi certificate: warn when expired or close to it. */
export function qualiopiWarning(validUntilFr: string, today: string): string | null {
  if (blank(validUntilFr)) return null
  const parsed = parseFrenchDate(validUntilFr)
  if (!parsed.ok) return null
  const days = diffDays(today, parsed.value)
  if (days < 0) return `Certificat Qualiopi expiré depuis le ${formatDateFr(parsed.value)} : les devis AIF exigent une certification valide.`
  if (days <= 60) return `Le certificat Qualiopi expire le ${formatDateFr(parsed.value)} (dans ${days} jour${days > 1 ? 's' : ''}) : pensez au renouvellement.`
  return null
}

const orNull = (s: string): string | null => (blank(s) ? null : s.trim())

export function formToOrganisationInput(v: OrganisationFormValues): OrganisationInput {
  const qualiopi = blank(v.qualiopiValidUntil) ? null : parseFrenchDate(v.qualiopiValidUntil)
  return {
    raisonSociale: v.raisonSociale.trim(),
    siret: v.siret,
    nda: orNull(v.nda),
    legalForm: (LEGAL_FORMS as readonly string[]).includes(v.legalForm) ? (v.legalForm as LegalForm) : null,
    addressLine1: orNull(v.addressLine1),
    addressLine2: orNull(v.addressLine2),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
    regionCode: isRegionCode(v.regionCode) ? v.regionCode : null,
    phone: orNull(v.phone),
    email: orNull(v.email),
    website: orNull(v.website),
    qualiopiNumber: orNull(v.qualiopiNumber),
    qualiopiValidUntil: qualiopi && qualiopi.ok ? qualiopi.value : null,
    signatoryName: orNull(v.signatoryName),
    signatoryTitle: orNull(v.signatoryTitle)
  }
}

export function organisationIssuesToErrors(issues: readonly FieldIssue[] | undefined): OrganisationFormErrors {
  return issuesToFieldErrors(issues, ORGANISATION_FIELDS)
}
