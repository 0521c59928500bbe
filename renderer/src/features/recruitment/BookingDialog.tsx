import { Fragment, useEffect, useMemo, useRef, useState } from 'react'
import type { RecruitmentEventRow, RegistrationRow } from '@shared/api/areas/recruitment'
import type { Trainee } from '@shared/api/areas/trainees'
import { participleFr } from '@shared/domain/frenchFormat'
import { formatDateFr } from '@shared/domain/dates'
import { placesLeft } from '@shared/domain/recruitmentRules'
import { FormDialog } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { useCommand } from '../../hooks/useCommand'
import { useDebouncedValue } from '../../hooks/useDebouncedValue'
import { useQuery } from '../../hooks/useQuery'
import {
  checkPerson,
  emptyPerson,
  isBlankPerson,
  issuesToPersonErrors,
  personToTraineeInput,
  type NewPersonErrors,
  type NewPersonField,
  type NewPersonRow
} from './bookingForm'
import { eventTitle, placesLeftText } from './recruitmentFormat'

type Props = {
  event: RecruitmentEventRow | null
  /** Who is already booked on the event (shown, not selectable). */
  booked: RegistrationRow[]
  onClose: () => void
  onBooked: (rows: RegistrationRow[]) => void
}

const FIX_PEOPLE = 'Corrigez les personnes signalées : personne n’a été positionné.'
const PERSON_FIELDS: { field: NewPersonField; label: string; placeholder: string; required?: boolean }[] = [
  { field: 'lastName', label: 'Nom', placeholder: 'Nom', required: true },
  { field: 'firstName', label: 'Prénom', placeholder: 'Prénom', required: true },
  { field: 'ftId', label: 'Identifiant France Travail', placeholder: '0676932W' },
  { field: 'phone', label: 'Téléphone', placeholder: '06 12 34 56 78' },
  { field: 'email', label: 'E-mail', placeholder: 'prenom.nom@exemple.fr' }
]

/**
 * « Positionner des candidats » : people already in the registry (searched on the server) and/or
 * new people typed here, booked together in one all-or-nothing operation.
 */
export function BookingDialog({ event, booked, onClose, onBooked }: Props) {
  const { run, busy, error: formError, setError: setFormError } = useCommand()
  const [search, setSearch] = useState('')
  const term = useDebouncedValue(search, 200).trim()
  const registry = useQuery('trainees:list', term ? { search: term } : {}, { enabled: event !== null })
  const found = useMemo(() => registry.data?.slice(0, 200) ?? (registry.error ? [] : null), [registry.data, registry.error])
  const [picked, setPicked] = useState<Trainee[]>([])
  const [people, setPeople] = useState<NewPersonRow[]>([emptyPerson(1)])
  const [personErrors, setPersonErrors] = useState<Record<number, NewPersonErrors>>({})
  const nextKey = useRef(2)

  useEffect(() => {
    if (!event) return
    setSearch('')
    setPicked([])
    setPeople([emptyPerson(1)])
    nextKey.current = 2
    setPersonErrors({})
    setFormError(null)
  }, [event, setFormError])

  const bookedIds = useMemo(() => new Set(booked.map((b) => b.traineeId)), [booked])
  const filled = people.filter((p) => !isBlankPerson(p))
  const total = picked.length + filled.length
  const left = event ? placesLeft(event.capacity, event.booked) : null
  const overCapacity = left !== null && total > left

  const toggle = (t: Trainee): void => setPicked((all) => (all.some((p) => p.id === t.id) ? all.filter((p) => p.id !== t.id) : [...all, t]))
  const setPerson = (key: number, field: NewPersonField, value: string): void => {
    setPeople((all) => all.map((p) => (p.key === key ? { ...p, [field]: value } : p)))
    if (personErrors[key]?.[field]) setPersonErrors((e) => ({ ...e, [key]: { ...e[key], [field]: undefined } }))
  }
  const addPerson = (): void => {
    const key = nextKey.current++
    setPeople((all) => [...all, emptyPerson(key)])
    window.setTimeout(() => document.querySelector<HTMLInputElement>(`[data-person="${key}"] input`)?.focus(), 0)
  }
  const removePerson = (key: number): void => setPeople((all) => (all.length === 1 ? [emptyPerson(nextKey.current++)] : all.filter((p) => p.key !== key)))

  async function submit(event: RecruitmentEventRow): Promise<void> {
    const errors: Record<number, NewPersonErrors> = {}
    for (const p of filled) {
      const err = checkPerson(p)
      if (Object.keys(err).length > 0) errors[p.key] = err
    }
    setPersonErrors(errors)
    if (Object.keys(errors).length > 0) {
      setFormError(FIX_PEOPLE)
      return
    }
    if (total === 0) {
      setFormError('Choisissez au moins une personne dans le registre ou saisissez un nouveau candidat.')
      return
    }
    const r = await run((api) => api.call('registrations:book', { eventId: event.id, traineeIds: picked.map((p) => p.id), newTrainees: filled.map(personToTraineeInput) }))
    if (r.ok) {
      onBooked(r.value)
      return
    }
    setPersonErrors(issuesToPersonErrors(r.error.issues, filled))
    setFormError(r.error.issues?.[0] && !/^newTrainees\./.test(r.error.issues[0].path) ? r.error.issues[0].message : r.error.message)
  }

  return (
    <FormDialog
      subject={event}
      title="Positionner des candidats"
      onClose={onClose}
      size="xlarge"
      testId="booking-dialog"
      formId="booking-form"
      onSubmit={(subject) => void submit(subject)}
      footer={{
        hint: (
          <>
            {total === 0
              ? 'Aucune personne choisie.'
              : `${total} personne${total > 1 ? 's' : ''} à positionner${picked.length && filled.length ? ` (${picked.length} du registre, ${filled.length} nouvelle${filled.length > 1 ? 's' : ''})` : ''}`}
            {event && ` · ${placesLeftText(event.capacity, event.booked)}`}
            {overCapacity && ' : la capacité sera dépassée'}
          </>
        ),
        hintWarning: overCapacity,
        hintTestId: 'booking-summary',
        busy,
        busyLabel: 'Enregistrement…',
        label: total > 1 ? `Positionner les ${total} personnes` : 'Positionner'
      }}
    >
      {(event) => (
        <>
          <p className="form__context">
            <strong>{eventTitle(event)}</strong> · {event.trainingTitle}
            {event.capacity !== null ? ` · ${event.booked} / ${event.capacity} places prises` : ''}
          </p>
          {formError && (formError !== FIX_PEOPLE || Object.values(personErrors).some((e) => Object.values(e).some(Boolean))) && (
            <p className="form-error" role="alert" data-testid="form-error">
              {formError}
            </p>
          )}
          <div className="booking-columns">
            <fieldset className="form__section">
              <legend>Stagiaires du registre</legend>
              <div className="search-box search-box--full">
                <Icon name="search" size={16} />
                <input
                  type="search"
                  className="input search-box__input"
                  placeholder="Nom, prénom, identifiant France Travail…"
                  aria-label="Rechercher dans le registre des stagiaires"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </div>
              <ul className="scroll-list pick-list" aria-label="Résultats de la recherche" data-testid="trainee-results">
                {found === null && <li className="pick-list__empty">Chargement…</li>}
                {found?.length === 0 && (
                  <li className="pick-list__empty">{term ? `Personne ne correspond à « ${term} » : créez la fiche à droite.` : 'Le registre est vide : saisissez les candidats à droite.'}</li>
                )}
                {found?.map((t) => {
                  const already = bookedIds.has(t.id)
                  const checked = picked.some((p) => p.id === t.id)
                  return (
                    <li key={t.id} className={`pick-list__item${already ? ' pick-list__item--disabled' : ''}${checked ? ' pick-list__item--checked' : ''}`}>
                      <label>
                        <input type="checkbox" checked={checked || already} disabled={already} onChange={() => toggle(t)} />
                        <span className="pick-list__name">
                          {t.lastName} {t.firstName}
                        </span>
                        <span className="pick-list__meta">
                          {[t.ftId, t.birthDate ? `${participleFr('né', t.civility)} le ${formatDateFr(t.birthDate)}` : null, t.city].filter(Boolean).join(' · ')}
                          {already && <em> — déjà {participleFr('positionné', t.civility)}</em>}
                        </span>
                      </label>
                    </li>
                  )
                })}
              </ul>
              {picked.length > 0 && (
                <div className="chips" aria-label="Personnes choisies">
                  {picked.map((p) => (
                    <span key={p.id} className="filter-chip">
                      {p.lastName} {p.firstName}
                      <button type="button" className="filter-chip__remove" aria-label={`Retirer ${p.lastName} ${p.firstName}`} onClick={() => toggle(p)}>
                        <Icon name="x" size={12} />
                      </button>
                    </span>
                  ))}
                </div>
              )}
            </fieldset>
            <fieldset className="form__section">
              <legend>Nouveaux candidats</legend>
              <table className="person-table" data-testid="new-people">
                <thead>
                  <tr>
                    {PERSON_FIELDS.map((f) => (
                      <th key={f.field} scope="col" title={f.label}>
                        {f.field === 'ftId' ? 'Identifiant FT' : f.label}
                        {f.required && <span className="field__required"> *</span>}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">Retirer</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p, i) => {
                    const errs = personErrors[p.key] ?? {}
                    const messages = Object.values(errs).filter(Boolean)
                    return (
                      <Fragment key={p.key}>
                      <tr data-person={p.key}>
                        {PERSON_FIELDS.map((f) => (
                          <td key={f.field}>
                            <input
                              className="input"
                              name={`${f.field}-${i + 1}`}
                              aria-label={`${f.label} (candidat ${i + 1})`}
                              aria-invalid={Boolean(errs[f.field])}
                              title={errs[f.field]}
                              placeholder={f.placeholder}
                              value={p[f.field]}
                              autoComplete="off"
                              onChange={(e) => setPerson(p.key, f.field, e.target.value)}
                            />
                          </td>
                        ))}
                        <td>
                          <button type="button" className="icon-button" aria-label={`Retirer le candidat ${i + 1}`} onClick={() => removePerson(p.key)}>
                            ×
                          </button>
                        </td>
                      </tr>
                      {messages.length > 0 && (
                        <tr className="person-table__error-row">
                          <td colSpan={PERSON_FIELDS.length + 1} role="alert">
                            {messages.join(' ')}
                          </td>
                        </tr>
                      )}
                      </Fragment>
                    )
                  })}
                </tbody>
              </table>
              <button type="button" className="button button--ghost" onClick={addPerson}>
                <Icon name="plus" size={16} />
                Ajouter une personne
              </button>
              <p className="field__hint">Les nouvelles fiches rejoignent le registre des stagiaires. Nom et prénom suffisent ; l’identifiant France Travail est conseillé.</p>
            </fieldset>
          </div>
        </>
      )}
    </FormDialog>
  )
}
