import type { Clock } from '../main/services/context'

/*
 * The end-to-end tests pin "today": `--test-now <ISO instant>` gives the host a fixed clock. It is
 * honoured only when the launching process also sets PASSERELLE_TEST=1, so a production host never
 * runs on a frozen clock by accident; nothing reachable over HTTP can set it.
 */
export function testClock(value: string | undefined, env: NodeJS.ProcessEnv): Clock | null {
  if (value === undefined) return null
  if (env.PASSERELLE_TEST !== '1') throw new Error('--test-now est réservé aux tests (PASSERELLE_TEST=1).')
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) throw new Error(`--test-now : date invalide « ${value} ».`)
  return { now: () => new Date(at.getTime()) }
}
