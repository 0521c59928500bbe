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
import { blank, checkFields, formTexts, inputTexts, optionalCheck, type FieldErrors } from '../../forms/formValues'

const ORGANISATION_FIELDS = ['raisonSociale', 'siret', 'nda', 'legalForm', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'regionCode', 'phone', 'email', 'website', 'qualiopiNumber', 'qualiopiValidUntil', 'signatoryName', 'signatoryTitle'] as const
/** The optional texts, copied as they are between the record and the form. */
const TEXT_FIELDS = ['nda', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'phone', 'email', 'website', 'qualiopiNumber', 'signatoryName', 'signatoryTitle'] as const

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number]
export type OrganisationFormValues = Record<OrganisationField, string>
export type OrganisationFormErrors = FieldErrors<OrganisationField>

export function organisationToForm(o: Organisation): OrganisationFormValues {
  return {
    ...formTexts(o, TEXT_FIELDS),
    raisonSociale: o.raisonSociale ?? '',
    siret: o.siret ? formatSiret(o.siret) : '',
    legalForm: o.legalForm ?? '',
    regionCode: o.regionCode ?? '',
    qualiopiValidUntil: formatDateFr(o.qualiopiValidUntil)
  }
}

export function checkOrganisationField(field: OrganisationField, value: string): string | null {
  const optional = (check: (s: string) => Check<unknown>): string | null => optionalCheck(value, check)
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
  return checkFields(values, checkOrganisationField)
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

export function formToOrganisationInput(v: OrganisationFormValues): OrganisationInput {
  const qualiopi = blank(v.qualiopiValidUntil) ? null : parseFrenchDate(v.qualiopiValidUntil)
  return {
    raisonSociale: v.raisonSociale.trim(),
    ...inputTexts(v, TEXT_FIELDS),
    siret: v.siret,
    legalForm: (LEGAL_FORMS as readonly string[]).includes(v.legalForm) ? (v.legalForm as LegalForm) : null,
    regionCode: isRegionCode(v.regionCode) ? v.regionCode : null,
    qualiopiValidUntil: qualiopi && qualiopi.ok ? qualiopi.value : null
  }
}

export function organisationIssuesToErrors(issues: readonly FieldIssue[] | undefined): OrganisationFormErrors {
  return issuesToFieldErrors(issues, ORGANISATION_FIELDS)
}
