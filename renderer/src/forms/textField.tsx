import { Field, type FieldStatus } from '../components/Field'

export type TextOptions = {
  required?: boolean
  hint?: string
  placeholder?: string
  className?: string
  inputMode?: 'numeric' | 'email' | 'tel' | 'url'
  autoComplete?: string
  /** Identifiers and codes: a fixed-width font. */
  mono?: boolean
}

export type Binding<F extends string> = {
  values: { [K in F]: string }
  status: (field: F) => FieldStatus
  set: (field: F, value: string) => void
  blur: (field: F) => void
  /** Owned by another source (the CARIF-OREF): read-only, with the reason beside the label; hints and examples hidden. */
  locked?: string
}

/** The one-line text input of the forms: label, value, message, checked on blur. */
export function textFieldBuilder<F extends string>({ values, status, set, blur, locked }: Binding<F>) {
  return function text(field: F, label: string, o: TextOptions = {}) {
    return (
      <Field label={label} required={o.required} hint={locked ? undefined : o.hint} status={status(field)} className={o.className} locked={locked}>
        {(control) => (
          <input
            {...control}
            className={`input${o.mono ? ' input--mono' : ''}`}
            name={field}
            value={values[field]}
            placeholder={locked ? undefined : o.placeholder}
            readOnly={locked !== undefined}
            inputMode={o.inputMode}
            autoComplete={o.autoComplete ?? 'off'}
            onChange={(ev) => set(field, ev.target.value)}
            onBlur={() => blur(field)}
          />
        )}
      </Field>
    )
  }
}
