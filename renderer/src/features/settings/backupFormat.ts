import type { BackupFile } from '@shared/api/areas/backup'

const KIND_LABELS: Record<BackupFile['kind'], string> = {
  automatique: 'automatique',
  manuelle: 'manuelle',
  'avant-restauration': 'avant restauration',
  'avant-mise-a-jour': 'avant mise à jour'
}

export const backupKindLabel = (kind: BackupFile['kind']): string => KIND_LABELS[kind]

/** `2026-12-02 14:30` → `02/12/2026 à 14:30`. */
export function takenAtFr(takenAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(takenAt)
  return m ? `${m[3]}/${m[2]}/${m[1]} à ${m[4]}:${m[5]}` : takenAt
}

/** 1 234 567 bytes → `1,2 Mo` (decimal units, as file explorers show them). */
export function sizeFr(bytes: number): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'Go'] : bytes >= 1e6 ? [bytes / 1e6, 'Mo'] : [Math.max(1, Math.round(bytes / 1e3)), 'Ko']
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: unit === 'Ko' ? 0 : 1 })} ${unit}`
}

/** The message the page shows after its reload, once a restore is done (the reload clears toasts). */
export const RESTORED_NOTICE_KEY = 'passerelle.restauration'
