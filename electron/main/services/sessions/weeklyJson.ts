/**
 * The stored weekly hours (`weekly_hours_json` of a session or an enrolment): seven numbers,
 * Monday first. Anything else — absent, malformed, another length — reads as « no rhythm ».
 */
export function parseWeekly(json: string | null): number[] | null {
  if (json === null) return null
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) && parsed.length === 7 && parsed.every((n) => typeof n === 'number') ? parsed : null
  } catch {
    return null
  }
}
