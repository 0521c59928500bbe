import type { ReactNode } from 'react'

/** A titled group of a form's fields, laid out on the form's 12-column grid (span-N classes). */
export function FormSection({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="form__section">
      <legend>{legend}</legend>
      <div className="form__grid">{children}</div>
    </fieldset>
  )
}
