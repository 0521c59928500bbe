import { Field } from '../components/Field'
import type { Binding } from './textField'

export type SelectOption = { value: string; label: string }

/** The options of a closed list of codes, labelled by their French names (or by the code itself). */
export function codeOptions<C extends string>(codes: readonly C[], labels?: Readonly<Record<C, string>>): SelectOption[] {
  return codes.map((c) => ({ value: c, label: labels ? labels[c] : c }))
}

/** The <option>s of a drop-down list, each labelled. */
export function OptionList({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ))
}

export type SelectOptions = {
  required?: boolean
  className?: string
  /** The label of an empty first choice (« — »); none when the list has no empty value. */
  empty?: string
  /** Owned by another source: the list is disabled, with the reason beside the label. */
  locked?: string
  testId?: string
}

/** The drop-down list of the forms, bound like the text fields: label, value, message. */
export function selectFieldBuilder<F extends string>({ values, status, set }: Pick<Binding<F>, 'values' | 'status' | 'set'>) {
  return function select(field: F, label: string, options: readonly SelectOption[], o: SelectOptions = {}) {
    return (
      <Field label={label} required={o.required} status={status(field)} className={o.className} locked={o.locked}>
        {(control) => (
          <select {...control} className="input" name={field} value={values[field]} disabled={o.locked !== undefined} onChange={(ev) => set(field, ev.target.value)} data-testid={o.testId}>
            {o.empty !== undefined && <option value="">{o.empty}</option>}
            <OptionList options={options} />
          </select>
        )}
      </Field>
    )
  }
}
