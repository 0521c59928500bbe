import type { FieldIssue } from '@shared/api/result'

/**
 * Server refusals name the field (`issues[].path`, e.g. `lastName`, `changes.title`,
 * `schedule.0.start`): each is shown beside its field. An update's `changes.` prefix and any
 * nested part are dropped; `renamed` maps a contract name to the form's; the first message of a
 * field wins; issues about no field of the form are left to the form's general message.
 */
export function issuesToFieldErrors<F extends string>(
  issues: readonly FieldIssue[] | undefined,
  fields: readonly F[],
  renamed: Readonly<Record<string, F>> = {}
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {}
  const known = new Set<string>(fields)
  for (const issue of issues ?? []) {
    const head = issue.path.replace(/^changes\./, '').split('.')[0] ?? ''
    const field = renamed[head] ?? head
    if (known.has(field) && !errors[field as F]) errors[field as F] = issue.message
  }
  return errors
}

/** True when a check found at least one field to correct. */
export function hasFieldErrors(errors: Partial<Record<string, string | undefined>>): boolean {
  return Object.values(errors).some(Boolean)
}
