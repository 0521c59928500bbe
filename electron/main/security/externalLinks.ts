/*
 * Links the app may open in the user's browser: https pages of the public services a clerk works
 * with (the CARIF-OREF catalogues, France Travail and KAIROS, Chorus Pro, the official texts).
 * Anything else is refused: a link planted in imported data must not open an arbitrary site.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'intercariforef.org',
  'francetravail.fr',
  'pole-emploi.fr',
  'moncompteformation.gouv.fr',
  'chorus-pro.gouv.fr',
  'legifrance.gouv.fr',
  'service-public.fr',
  'travail-emploi.gouv.fr',
  'francecompetences.fr',
  'lheo.gouv.fr'
]

export function isAllowedExternal(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false
  const host = url.hostname.toLowerCase()
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}
