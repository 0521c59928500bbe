import { useEffect, useState, type FormEvent } from 'react'
import type { ExitReportRow } from '@shared/api/areas/exitReports'
import { formatDateFr, parseFrenchDate } from '@shared/domain/dates'
import type { CertificationResult } from '@shared/domain/documents'
import { formatHours, parseHours } from '@shared/domain/hours'
import { DialogFooter } from '../../components/DialogFooter'
import { Field, type FieldStatus } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { formTexts } from '../../forms/formValues'
import { useCommand } from '../../hooks/useCommand'
import { CERTIFICATION_OPTIONS, certificationLongLabel, EXIT_STATUS_LABELS, exitReasonLabel, isHoursOverride, personLabel, type SaveInput } from './exitReportFormat'
import { FormError } from '../../components/FormError'
import { FormSection } from '../../components/FormSection'

type Values = {
  exitDate: string
  exitReason: string
  hours: string
  hoursOverrideReason: string
  certificationResult: CertificationResult | ''
  skillsAcquired: string
  nextStep: string
  comments: string
  completed: boolean
}
type FieldName = keyof Values
const FIELDS: readonly FieldName[] = ['exitDate', 'exitReason', 'hours', 'hoursOverrideReason', 'certificationResult', 'skillsAcquired', 'nextStep', 'comments']

function toValues(r: ExitReportRow): Values {
  return {
    exitDate: formatDateFr(r.exitDate),
    exitReason: exitReasonLabel(r.exitReason),
    hours: formatHours(r.hoursCompleted),
    ...formTexts(r, ['hoursOverrideReason', 'skillsAcquired', 'nextStep', 'comments']),
    certificationResult: r.certificationResult ?? '',
    completed: r.completedAt !== null
  }
}

type Props = { row: ExitReportRow | null; onClose: () => void; onSaved: (row: ExitReportRow) => void }

const FORM_ID = 'exit-report-form'

/** The end-of-training report of one trainee, every field at once (the grid edits them one by one). */
export function ExitReportDialog({ row, onClose, onSaved }: Props) {
  const { run, busy, error: formError, setError: setFormError } = useCommand()
  const [values, setValues] = useState<Values | null>(null)
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})

  useEffect(() => {
    setValues(row ? toValues(row) : null)
    setErrors({})
    setFormError(null)
  }, [row, setFormError])

  if (!row || !values) return null

  const set = <K extends FieldName>(k: K, v: Values[K]): void => setValues({ ...values, [k]: v })
  const status = (k: FieldName): FieldStatus => (errors[k] ? { kind: 'error', message: errors[k] ?? '' } : null)
  const parsedHours = values.hours.trim() === '' ? null : parseHours(values.hours, { max: 5000 })
  const hoursValue = parsedHours && parsedHours.ok ? parsedHours.value : null
  const override = isHoursOverride(row, hoursValue)

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault()
    if (!row || !values) return
    const found: Partial<Record<FieldName, string>> = {}
    let exitDate: string | null = null
    if (values.exitDate.trim()) {
      const d = parseFrenchDate(values.exitDate)
      if (d.ok) exitDate = d.value
      else found.exitDate = d.message
    }
    if (parsedHours && !parsedHours.ok) found.hours = parsedHours.message
    if (override && values.hoursOverrideReason.trim().length < 5) found.hoursOverrideReason = 'Motif obligatoire quand les heures sont corrigées (5 caractères au moins).'
    if (Object.keys(found).length > 0) {
      setErrors(found)
      setFormError('Corrigez les champs signalés : rien n’a été enregistré.')
      return
    }
    const text = (s: string): string | null => (s.trim() === '' ? null : s.trim())
    // The reason shown is the label of the enrolment's code: unchanged, it is not rewritten.
    const reasonChanged = values.exitReason !== exitReasonLabel(row.exitReason)
    const input: SaveInput = {
      enrolmentId: row.enrolmentId,
      exitDate,
      ...(reasonChanged ? { exitReason: text(values.exitReason) } : {}),
      hoursCompleted: override ? hoursValue : null,
      ...(override ? { hoursOverrideReason: values.hoursOverrideReason.trim() } : {}),
      certificationResult: values.certificationResult === '' ? null : values.certificationResult,
      skillsAcquired: text(values.skillsAcquired),
      nextStep: text(values.nextStep),
      comments: text(values.comments),
      completed: values.completed
    }
    const r = await run((api) => api.call('exitReports:save', input))
    if (r.ok) onSaved(r.value)
    else setErrors(issuesToFieldErrors(r.error.issues, FIELDS, { hoursCompleted: 'hours' }))
  }

  const textArea = (k: 'skillsAcquired' | 'nextStep' | 'comments', label: string, rows: number, hint?: string) => (
    <Field label={label} status={status(k)} className="span-12" hint={hint}>
      {(control) => <textarea {...control} className="input textarea" rows={rows} name={k} value={values[k]} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  )

  return (
    <Modal
      open
      title={`Bilan de fin de formation — ${personLabel(row)}`}
      onClose={onClose}
      size="large"
      testId="exit-report-dialog"
      footer={
        <DialogFooter
          hint={
            <>
              {EXIT_STATUS_LABELS[row.status]}
              {row.entryDate ? ` · entrée en formation le ${formatDateFr(row.entryDate)}` : ''}
              {row.updatedBy ? ` · modifié par ${row.updatedBy}` : ''}
            </>
          }
          onCancel={onClose}
          form={FORM_ID}
          busy={busy}
          busyLabel="Enregistrement…"
          testId="exit-report-save"
          label="Enregistrer le bilan"
        />
      }
    >
      <form id={FORM_ID} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={formError} testId="form-error" />
        <FormSection legend="Parcours">
          <Field label="Date de sortie" status={status('exitDate')} className="span-3">
            {(control) => <input {...control} className="input" placeholder="jj/mm/aaaa" inputMode="numeric" value={values.exitDate} onChange={(e) => set('exitDate', e.target.value)} />}
          </Field>
          <Field label="Motif de sortie" status={status('exitReason')} className="span-9">
            {(control) => <input {...control} className="input" value={values.exitReason} onChange={(e) => set('exitReason', e.target.value)} />}
          </Field>
          <Field label="Heures calculées" className="span-3" hint="Somme des heures de l’assiduité">
            {(control) => <input {...control} className="input" readOnly value={`${formatHours(row.hoursComputed)} h`} />}
          </Field>
          <Field label="Heures retenues" status={status('hours')} className="span-3">
            {(control) => <input {...control} className="input" inputMode="decimal" value={values.hours} onChange={(e) => set('hours', e.target.value)} data-testid="exit-report-hours" />}
          </Field>
          <Field
            label="Motif de la correction des heures"
            required={override}
            status={status('hoursOverrideReason')}
            className="span-6"
            hint={override ? 'Les heures retenues diffèrent de l’assiduité : le motif est obligatoire.' : 'Seulement si les heures retenues diffèrent de l’assiduité.'}
          >
            {(control) => (
              <input {...control} className="input" disabled={!override} value={override ? values.hoursOverrideReason : ''} onChange={(e) => set('hoursOverrideReason', e.target.value)} />
            )}
          </Field>
        </FormSection>
        <FormSection legend="Résultats">
          <Field label="Résultat de la certification" status={status('certificationResult')} className="span-6">
            {(control) => (
              <select {...control} className="input" value={values.certificationResult} onChange={(e) => set('certificationResult', e.target.value as CertificationResult | '')} data-testid="exit-report-certification">
                <option value="">— Non renseigné</option>
                {CERTIFICATION_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {certificationLongLabel(o.value, row.civility)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check span-6 exit-report__completed">
            <input type="checkbox" checked={values.completed} onChange={(e) => set('completed', e.target.checked)} />
            Bilan terminé
          </label>
          {textArea('skillsAcquired', 'Compétences acquises', 3)}
          {textArea('nextStep', 'Suite de parcours', 2, 'Emploi, autre formation, recherche d’emploi…')}
          {textArea('comments', 'Commentaires', 2)}
        </FormSection>
      </form>
    </Modal>
  )
}
