import type { z } from 'zod'
import { fail, type FieldIssue, type Result } from '@shared/api/result'

/*
 * A refused input's answer, kept short whatever the input: a list of 20,000 wrong elements
 * gives 20,000 zod issues, which must not become a megabyte of message (nor of issues) sent
 * back. The first issues are kept and counted; each message and path is cut short.
 */

const MAX_ISSUES = 20
const MAX_IN_MESSAGE = 5
const MAX_TEXT = 300

const cut = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s)

export function invalidInput(error: z.ZodError): Result<never> {
  const all = error.issues
  const issues: FieldIssue[] = all.slice(0, MAX_ISSUES).map((i) => ({ path: cut(i.path.map(String).join('.')), message: cut(i.message) }))
  const first = issues[0]
  if (all.length === 1 && first) return fail('invalid_input', first.message, issues)
  const shown = issues.slice(0, MAX_IN_MESSAGE).map((i) => i.message).join(' ')
  const more = all.length > MAX_IN_MESSAGE ? ` (et ${all.length - MAX_IN_MESSAGE} autre${all.length - MAX_IN_MESSAGE > 1 ? 's' : ''})` : ''
  return fail('invalid_input', `${all.length} champs sont invalides : ${shown}${more}`, issues)
}
