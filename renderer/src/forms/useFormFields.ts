import { useState } from 'react'
import type { FieldStatus } from '../components/Field'

/**
 * The values and messages of a form whose fields are checked one by one: a message clears as soon
 * as the input becomes right, a new one waits for the blur (no red while typing).
 */
export function useFormFields<F extends string, V extends { [K in F]: string }>(initial: V | (() => V), check: (field: F, value: string) => string | null) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})

  const set = (field: F, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }))
    if (errors[field] && !check(field, value)) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const blur = (field: F): void => {
    const message = check(field, values[field])
    setErrors((e) => ({ ...e, [field]: message ?? undefined }))
  }
  const errorStatus = (field: F): FieldStatus => {
    const message = errors[field]
    return message ? { kind: 'error', message } : null
  }
  return { values, setValues, errors, setErrors, set, blur, errorStatus }
}
