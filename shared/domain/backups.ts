/*
 * Backup files' names and the rotation rule, pure (no file system): the services list a folder and
 * ask these which file is due, which to delete. Names carry the local date and time of the clerk's
 * computer (the clerk reads them in a file explorer): `passerelle-2026-12-02-1430.sqlite`.
 */

export type BackupKind = 'automatique' | 'manuelle' | 'avant-restauration'

export type BackupName = { kind: BackupKind; /** yyyy-mm-dd, local */ day: string; /** hh:mm, local */ time: string; /** sortable key */ stamp: string }

export const DEFAULT_KEEP = 14
export const MIN_KEEP = 1
export const MAX_KEEP = 365

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** yyyy-mm-dd of the instant in the computer's time zone (a backup « of the day » is the clerk's day). */
export function localDay(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** `2026-12-02-1430`: local date, hours and minutes. */
export function backupStamp(at: Date): string {
  return `${localDay(at)}-${pad(at.getHours())}${pad(at.getMinutes())}`
}

const SUFFIX: Record<BackupKind, string> = { automatique: '', manuelle: '-manuelle', 'avant-restauration': '-avant-restauration' }

/**
 * The file name of a backup taken at `at`; `n` > 1 tells apart two taken in the same minute.
 * Only automatic ones are rotated: a manual copy or the copy made before a restore is the clerk's.
 */
export function backupFileName(kind: BackupKind, at: Date, n = 1): string {
  return `passerelle-${backupStamp(at)}${SUFFIX[kind]}${n > 1 ? `-${n}` : ''}.sqlite`
}

const NAME = /^passerelle-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(-manuelle|-avant-restauration)?(?:-(\d+))?\.sqlite$/

/** What a file name says, or null for a file that is not one of ours. */
export function parseBackupName(name: string): BackupName | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [, day = '', hh = '', mm = '', suffix, n] = m
  const kind: BackupKind = suffix === '-manuelle' ? 'manuelle' : suffix === '-avant-restauration' ? 'avant-restauration' : 'automatique'
  return { kind, day, time: `${hh}:${mm}`, stamp: `${day}-${hh}${mm}-${(n ?? '1').padStart(4, '0')}` }
}

/** The automatic backups among these names, newest first. */
function automatic(names: readonly string[]): { name: string; parsed: BackupName }[] {
  return names
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((f): f is { name: string; parsed: BackupName } => f.parsed?.kind === 'automatique')
    .sort((a, b) => (a.parsed.stamp < b.parsed.stamp ? 1 : a.parsed.stamp > b.parsed.stamp ? -1 : 0))
}

/** Daily: a backup is due when the folder holds no automatic backup of the clerk's current day. */
export function isBackupDue(names: readonly string[], today: string): boolean {
  return !automatic(names).some((f) => f.parsed.day === today)
}

/** The automatic backups beyond the `keep` newest, to delete; other files are never touched. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  return automatic(names)
    .slice(Math.max(MIN_KEEP, keep))
    .map((f) => f.name)
}
