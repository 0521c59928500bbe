import { useState, type FormEvent } from 'react'
import type { Organisation } from '@shared/api/areas/organisation'
import { todayIso } from '@shared/domain/dates'
import { LEGAL_FORMS } from '@shared/domain/organisation'
import { REGION_CODES, REGIONS } from '@shared/domain/regions'
import type { FieldStatus } from '../../components/Field'
import { hasFieldErrors } from '../../forms/fieldErrors'
import { codeOptions, selectFieldBuilder } from '../../forms/selectField'
import { textFieldBuilder } from '../../forms/textField'
import { useFormFields } from '../../forms/useFormFields'
import { useCommand } from '../../hooks/useCommand'
import { useShortcut } from '../../hooks/useShortcut'
import {
  checkOrganisationField,
  formToOrganisationInput,
  organisationIssuesToErrors,
  organisationToForm,
  qualiopiWarning,
  siretStatus,
  validateOrganisationForm,
  type OrganisationField
} from './organisationFormRules'
import { FormError } from '../../components/FormError'
import { FormSection } from '../../components/FormSection'

const LEGAL_FORM_OPTIONS = codeOptions(LEGAL_FORMS)
const REGION_OPTIONS = codeOptions(REGION_CODES, REGIONS)

type Props = { organisation: Organisation; onSaved: (o: Organisation) => void }

/** The organisation's identity, saved as a whole: one invalid field and nothing is written. */
export function OrganisationForm({ organisation, onSaved }: Props) {
  const { run, busy, error: formError, setError: setFormError } = useCommand()
  const [saved, setSaved] = useState(() => organisationToForm(organisation))
  const { values, setValues, errors, setErrors, set, blur, errorStatus } = useFormFields(saved, checkOrganisationField)
  const dirty = (Object.keys(values) as OrganisationField[]).some((k) => values[k] !== saved[k])

  useShortcut('Ctrl+S', () => void save())

  const status = (field: OrganisationField): FieldStatus => {
    if (field === 'siret') {
      // Live: the key is checked as the 14th digit is typed.
      const live = siretStatus(values.siret)
      if (live) return live
    }
    if (errors[field]) return errorStatus(field)
    if (field === 'qualiopiValidUntil') {
      const warning = qualiopiWarning(values.qualiopiValidUntil, todayIso())
      if (warning) return { kind: 'warning', message: warning }
    }
    return null
  }

  async function save(e?: FormEvent): Promise<void> {
    e?.preventDefault()
    if (busy) return
    const found = validateOrganisationForm(values)
    if (hasFieldErrors(found)) {
      setErrors(found)
      setFormError('Corrigez les champs signalés : rien n’a été enregistré.')
      return
    }
    const r = await run((api) => api.call('organisation:update', formToOrganisationInput(values)), { success: 'Fiche de l’organisme enregistrée.' })
    if (!r.ok) {
      setErrors(organisationIssuesToErrors(r.error.issues))
      setFormError(`${r.error.message} Rien n’a été enregistré.`)
      return
    }
    const fresh = organisationToForm(r.value)
    setSaved(fresh)
    setValues(fresh)
    setErrors({})
    onSaved(r.value)
  }

  const text = textFieldBuilder({ values, status, set, blur })
  const select = selectFieldBuilder({ values, status, set })

  return (
    <form className="panel form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="org-title" data-testid="organisation-form">
      <header className="panel__header">
        <h2 id="org-title" className="panel__title">
          Organisme de formation
        </h2>
        <span className="panel__meta">Ces informations figurent sur tous les documents (attestations, devis, factures).</span>
      </header>
      <FormError message={formError} testId="form-error" />

      <FormSection legend="Identité">
        {text('raisonSociale', 'Raison sociale', { required: true, className: 'span-8', autoComplete: 'organization' })}
        {select('legalForm', 'Forme juridique', LEGAL_FORM_OPTIONS, { className: 'span-4', empty: '—' })}
        {text('siret', 'SIRET', { required: true, placeholder: '123 456 789 00012', inputMode: 'numeric', className: 'span-6' })}
        {text('nda', 'Numéro de déclaration d’activité (NDA)', { placeholder: '11 caractères', hint: 'Attribué par la DREETS : 11 chiffres (2A/2B pour la Corse).', className: 'span-6' })}
        {select('regionCode', 'Région de la déclaration d’activité', REGION_OPTIONS, { className: 'span-6', empty: '—', testId: 'organisation-region' })}
      </FormSection>

      <FormSection legend="Adresse et contact">
        {text('addressLine1', 'Adresse', { className: 'span-12', autoComplete: 'address-line1' })}
        {text('addressLine2', 'Complément d’adresse', { className: 'span-12', autoComplete: 'address-line2' })}
        {text('postalCode', 'Code postal', { className: 'span-3', inputMode: 'numeric', autoComplete: 'postal-code' })}
        {text('city', 'Ville', { className: 'span-9', autoComplete: 'address-level2' })}
        {text('phone', 'Téléphone', { className: 'span-4', inputMode: 'tel', placeholder: '01 23 45 67 89' })}
        {text('email', 'E-mail', { className: 'span-4', inputMode: 'email', placeholder: 'contact@organisme.fr' })}
        {text('website', 'Site web', { className: 'span-4', inputMode: 'url', placeholder: 'www.organisme.fr' })}
      </FormSection>

      <FormSection legend="Certification Qualiopi">
        {text('qualiopiNumber', 'N° de certificat', { className: 'span-6' })}
        {text('qualiopiValidUntil', 'Valide jusqu’au', { className: 'span-6', placeholder: 'jj/mm/aaaa', inputMode: 'numeric' })}
      </FormSection>

      <FormSection legend="Signataire des documents">
        {text('signatoryName', 'Nom du signataire', { className: 'span-6', placeholder: 'ex. Claire Martin' })}
        {text('signatoryTitle', 'Qualité', { className: 'span-6', placeholder: 'ex. Directrice' })}
      </FormSection>

      <footer className="form__footer">
        <span className={dirty ? 'form__state form__state--dirty' : 'form__state'} data-testid="form-state">
          {dirty ? 'Modifications non enregistrées' : organisation.updatedAt ? 'Tout est enregistré' : 'Fiche à compléter'}
        </span>
        <button type="button" className="button" onClick={() => {
          setValues(saved)
          setErrors({})
          setFormError(null)
        }} disabled={!dirty || busy}>
          Annuler les modifications
        </button>
        <button type="submit" className="button button--primary" disabled={busy} title="Enregistrer (Ctrl+S)">
          {busy ? 'Enregistrement…' : 'Enregistrer'}
        </button>
      </footer>
    </form>
  )
}
