import type { AuditLine } from '@shared/api/areas/audit'

/* Words of « Historique »: what each recorded operation and object is called for a clerk. */

const ENTITIES: Record<string, string> = {
  trainee: 'Stagiaire',
  enrolment: 'Inscription',
  enrolment_event: 'Événement d’inscription',
  interruption: 'Interruption',
  attendance_month: 'Assiduité',
  exit_report: 'Bilan',
  session: 'Session',
  training: 'Formation',
  recruitment_event: 'Réunion de recrutement',
  registration: 'Positionnement',
  aif_quote: 'Devis AIF',
  organisation: 'Organisme',
  generated_document: 'Document',
  catalogue: 'Catalogue',
  place: 'Lieu',
  clerk: 'Agent',
  app_setting: 'Paramètre',
  database: 'Base de données'
}

const AREAS: Record<string, string> = {
  trainees: 'Stagiaires',
  clerks: 'Agents',
  enrolments: 'Inscriptions',
  enrolment: 'Inscription',
  interruptions: 'Interruptions',
  attendance: 'Assiduité',
  sessions: 'Sessions',
  session: 'Session',
  trainings: 'Formations',
  recruitment: 'Recrutement',
  registrations: 'Positionnements',
  document: 'Documents',
  documents: 'Documents',
  quotes: 'Devis AIF',
  organisation: 'Organisme',
  exitReports: 'Bilans',
  lheo: 'Catalogue',
  catalogue: 'Catalogue',
  demo: 'Démonstration',
  settings: 'Paramètres',
  privacy: 'Données personnelles'
}

const VERBS: Record<string, string> = {
  create: 'création',
  update: 'modification',
  delete: 'suppression',
  select: 'choix de l’agent',
  save: 'saisie',
  attest: 'attestation',
  unlock: 'déverrouillage',
  transition: 'changement de statut',
  generate: 'génération',
  import: 'import',
  apply: 'import',
  export: 'export',
  anonymise: 'anonymisation',
  settings: 'paramètres'
}

export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity
}

/** « trainees.update » → « Stagiaires : modification »; unknown names are shown as they are. */
export function operationLabel(operation: string): string {
  const [area = operation, verb = ''] = operation.split('.')
  const name = AREAS[area] ?? area
  const words = VERBS[verb] ?? verb
  return words ? `${name} : ${words}` : name
}

/** A one-line summary of what changed: the keys whose values differ, or the values recorded. */
export function changeSummary(line: Pick<AuditLine, 'before' | 'after' | 'redacted'>, max = 160): string {
  if (line.redacted) return 'Valeurs effacées (anonymisation)'
  const parse = (text: string | null): unknown => {
    if (text === null) return null
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  const before = parse(line.before)
  const after = parse(line.after)
  const show = (v: unknown): string => (v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v))
  let text: string
  if (before && after && typeof before === 'object' && typeof after === 'object' && !Array.isArray(before) && !Array.isArray(after)) {
    const b = before as Record<string, unknown>
    const a = after as Record<string, unknown>
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    text = keys.length === 0 ? 'aucun changement' : keys.map((k) => `${k} : ${show(b[k])} → ${show(a[k])}`).join(' ; ')
  } else if (after && typeof after === 'object' && !Array.isArray(after)) {
    // A creation: the values given, without the empty ones and the id.
    text = Object.entries(after as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && v !== null && v !== '' && v !== undefined)
      .map(([k, v]) => `${k} : ${show(v)}`)
      .join(' ; ')
  } else if (after !== null) text = show(after)
  else if (before !== null) text = `supprimé : ${show(before)}`
  else text = ''
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
