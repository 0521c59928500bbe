import { formatDateLongFr, parseFrenchDate } from '@shared/domain/dates'
import { Field, type FieldStatus } from '../../components/Field'

export type DateFieldValue = { text: string; iso: string | null; error: string | null }

/** The state of a French date input: what was typed, the day it means, or why it means none. */
export function readDate(text: string, required: boolean): DateFieldValue {
  if (text.trim() === '') return { text, iso: null, error: required ? 'La date est obligatoire.' : null }
  const r = parseFrenchDate(text)
  return r.ok ? { text, iso: r.value, error: null } : { text, iso: null, error: r.message }
}

type Props = {
  label: string
  value: string
  onChange: (text: string) => void
  required?: boolean
  /** A server refusal or a check of the form, shown instead of the long date. */
  error?: string | null
  hint?: string
  autoFocus?: boolean
  name: string
  testId?: string
}

/**
 * A date typed the French way (jj/mm/aaaa, whatever the browser's language: the native picker
 * follows the operating system), confirmed under the field in words: « lundi 16 novembre 2026 ».
 */
export function DateField({ label, value, onChange, required = false, error, hint, autoFocus, name, testId }: Props) {
  const read = readDate(value, required)
  const shownError = error ?? (value.trim() !== '' ? read.error : null)
  const status: FieldStatus = shownError ? { kind: 'error', message: shownError } : read.iso ? { kind: 'ok', message: formatDateLongFr(read.iso) } : null
  return (
    <Field label={label} required={required} status={status} hint={hint}>
      {(control) => (
        <input
          {...control}
          className="input input--date"
          name={name}
          value={value}
          placeholder="jj/mm/aaaa"
          inputMode="numeric"
          autoComplete="off"
          autoFocus={autoFocus}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}
