import type { z } from 'zod'
import type { TrainingDetail, TrainingInput } from '@shared/api/areas/catalogue'
import { formatHours, parseHours } from '@shared/domain/hours'
import type { FieldIssue } from '@shared/api/result'
import { issuesToFieldErrors } from '../../forms/fieldErrors'
import { blank, checkFields, emptyTexts, formTexts, inputTexts, type FieldErrors } from '../../forms/formValues'

const TRAINING_FIELDS = ['title', 'intercarifFormationId', 'formacode', 'objectiveCode', 'certificationKind', 'certificationCode', 'certificationLevel', 'actionNature', 'totalHours', 'objectives', 'content'] as const
/** The optional texts, copied as they are between the record and the form. */
const TEXT_FIELDS = ['intercarifFormationId', 'formacode', 'objectives', 'content'] as const

export type TrainingField = (typeof TRAINING_FIELDS)[number]
/** What the training form edits, every field as typed. */
export type TrainingFormValues = Record<TrainingField, string>
export type TrainingFormErrors = FieldErrors<TrainingField>
type TrainingPayload = z.input<typeof TrainingInput>

export const emptyTrainingForm = (): TrainingFormValues => emptyTexts(TRAINING_FIELDS)

export function trainingToForm(t: TrainingDetail): TrainingFormValues {
  return {
    ...formTexts(t, TEXT_FIELDS),
    title: t.title,
    objectiveCode: t.objectiveCode === null ? '' : String(t.objectiveCode),
    certificationKind: t.certificationKind ?? '',
    certificationCode: t.certificationCode ?? '',
    certificationLevel: t.certificationLevel === null ? '' : String(t.certificationLevel),
    actionNature: t.actionNature ?? '',
    totalHours: t.totalHours === null ? '' : formatHours(t.totalHours)
  }
}

export function checkTrainingField(field: TrainingField, value: string): string | null {
  switch (field) {
    case 'title':
      return blank(value) ? 'L’intitulé est obligatoire.' : null
    case 'formacode':
      return blank(value) || /^\d{5}$/.test(value.trim()) ? null : 'Le formacode comporte 5 chiffres (ex. 22403).'
    case 'certificationCode':
      return blank(value) || /^[A-Za-z]*\s*\d+$/.test(value.trim()) ? null : 'Le code de certification est un nombre (ex. 35042).'
    case 'totalHours': {
      if (blank(value)) return null
      const r = parseHours(value, { max: 10_000 })
      return r.ok ? null : r.message
    }
    default:
      return null
  }
}

export function validateTrainingForm(values: TrainingFormValues): TrainingFormErrors {
  return checkFields(values, checkTrainingField)
}
const intOrNull = (s: string): number | null => (blank(s) ? null : Number(s))

/** The contract's input; "RNCP 35042" typed in the code field keeps only the digits. Call after validation. */
export function formToTrainingInput(v: TrainingFormValues): TrainingPayload {
  const hours = blank(v.totalHours) ? null : parseHours(v.totalHours, { max: 10_000 })
  const kind = v.certificationKind === 'RNCP' || v.certificationKind === 'RS' ? v.certificationKind : null
  return {
    ...inputTexts(v, TEXT_FIELDS),
    title: v.title.trim(),
    objectiveCode: intOrNull(v.objectiveCode),
    certificationKind: kind,
    certificationCode: blank(v.certificationCode) ? null : v.certificationCode.trim().replace(/^[A-Za-z]+\s*/, ''),
    certificationLevel: intOrNull(v.certificationLevel),
    actionNature: v.actionNature === 'formation' || v.actionNature === 'bilan' || v.actionNature === 'vae' || v.actionNature === 'apprentissage' ? v.actionNature : null,
    totalHours: hours && hours.ok ? hours.value : null
  }
}

/** Only what changed, for trainings:update. */
export function trainingChanges(before: TrainingDetail, v: TrainingFormValues): Partial<TrainingPayload> {
  const next = formToTrainingInput(v)
  const current = formToTrainingInput(trainingToForm(before))
  const changes: Partial<TrainingPayload> = {}
  for (const k of Object.keys(next) as (keyof TrainingPayload)[]) {
    if (next[k] !== current[k]) Object.assign(changes, { [k]: next[k] })
  }
  return changes
}

export function trainingIssuesToErrors(issues: readonly FieldIssue[] | undefined): TrainingFormErrors {
  return issuesToFieldErrors(issues, TRAINING_FIELDS)
}
