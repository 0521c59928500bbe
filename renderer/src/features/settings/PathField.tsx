import { Field } from '../../components/Field'

type Props = {
  label: string
  hint?: string
  error: string | null
  name: string
  value: string
  placeholder: string
  onChange: (value: string) => void
}

/** A folder or file path typed by the clerk: monospace, no spell-check nor autofill, its error below. */
export function PathField({ label, hint, error, name, value, placeholder, onChange }: Props) {
  return (
    <Field label={label} hint={hint} status={error ? { kind: 'error', message: error } : null}>
      {(control) => (
        <input
          {...control}
          className="input input--mono"
          name={name}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(ev) => onChange(ev.target.value)}
        />
      )}
    </Field>
  )
}
