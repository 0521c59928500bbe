import ExcelJS from 'exceljs'
import { formatDateFr } from '@shared/domain/dates'
import { spreadsheetSafe } from '@shared/domain/spreadsheetText'
import type { PersonExport } from './personExport'

/*
 * The readable copy of the right-of-access export: one sheet per section, French headers for the
 * columns a person will recognise, dates dd/mm/yyyy, amounts in euros. A workbook rather than a PDF:
 * sections have any number of rows (months of attendance, audit lines), a person can sort and
 * search them, and exceljs is already used for every other export.
 */

const LABELS: Record<string, string> = {
  id: 'N°',
  civility: 'Civilité',
  last_name: 'Nom',
  first_name: 'Prénom',
  birth_name: 'Nom de naissance',
  birth_date: 'Date de naissance',
  ft_id: 'Identifiant France Travail',
  email: 'E-mail',
  phone: 'Téléphone',
  address_line1: 'Adresse',
  address_line2: 'Complément d’adresse',
  postal_code: 'Code postal',
  city: 'Ville',
  prescriber: 'Prescripteur',
  prescriber_agency: 'Agence',
  adviser_name: 'Conseiller',
  adviser_email: 'E-mail du conseiller',
  cpf_balance_cents: 'Solde CPF',
  notes: 'Notes',
  anonymised_at: 'Anonymisé le',
  created_at: 'Créé le',
  updated_at: 'Modifié le',
  status: 'Statut',
  status_since: 'Depuis le',
  funding: 'Financement',
  funding_reference: 'Référence du financement',
  employer_name: 'Employeur',
  entry_date: 'Entrée',
  exit_date: 'Sortie',
  exit_reason: 'Motif de sortie',
  session_label: 'Session',
  training_title: 'Formation',
  event_date: 'Date de la réunion',
  presence: 'Présence',
  result: 'Résultat',
  comment: 'Commentaire',
  kind: 'Nature',
  effective_date: 'Date d’effet',
  reason_label: 'Motif',
  start_date: 'Début',
  end_date: 'Fin',
  reason: 'Motif',
  month: 'Mois',
  plannedHours: 'Heures prévues',
  attendedHours: 'Heures en centre',
  companyHours: 'Heures en entreprise',
  realisedHours: 'Heures réalisées',
  justifiedAbsenceHours: 'Absences justifiées (h)',
  unjustifiedAbsenceHours: 'Absences non justifiées (h)',
  unrecordedHours: 'Heures non saisies',
  number: 'N° devis',
  total_cents: 'Coût pédagogique',
  file_name: 'Fichier',
  sha256: 'Empreinte SHA-256',
  verification_code: 'Code de vérification',
  generated_at: 'Généré le',
  at: 'Date',
  clerk_name: 'Agent',
  operation: 'Opération',
  before_json: 'Avant',
  after_json: 'Après'
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/

function cell(column: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return column.endsWith('_cents') ? value / 100 : value
  if (typeof value === 'object') return spreadsheetSafe(JSON.stringify(value))
  const text = String(value)
  if (ISO_DATE.test(text)) return formatDateFr(text)
  const instant = ISO_INSTANT.exec(text)
  if (instant) return `${formatDateFr(instant[1])} ${instant[2]} UTC`
  return spreadsheetSafe(text)
}

type Table = Record<string, unknown>[]

function addTable(book: ExcelJS.Workbook, name: string, rows: Table): void {
  const sheet = book.addWorksheet(name)
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] !== 'object' || r[k] === null)))]
  if (rows.length === 0 || columns.length === 0) {
    sheet.addRow(['Aucune donnée.'])
    return
  }
  sheet.columns = columns.map((c) => ({ header: LABELS[c] ?? c, width: Math.min(40, Math.max(12, (LABELS[c] ?? c).length + 2)) }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    const row = sheet.addRow(columns.map((c) => cell(c, r[c])))
    columns.forEach((c, i) => {
      if (c.endsWith('_cents')) row.getCell(i + 1).numFmt = '#,##0.00 "€"'
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

export async function personExportWorkbook(data: PersonExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Passerelle'
  book.created = new Date(data.exportedAt)
  const identity = book.addWorksheet('Personne')
  identity.columns = [
    { header: 'Donnée', width: 28 },
    { header: 'Valeur', width: 48 }
  ]
  identity.getRow(1).font = { bold: true }
  for (const [k, v] of Object.entries(data.person)) identity.addRow([LABELS[k] ?? k, cell(k, v)])
  identity.addRow([])
  identity.addRow(['Export du', cell('at', data.exportedAt)])
  if (data.organisation) identity.addRow(['Responsable du traitement', cell('raison_sociale', data.organisation.raison_sociale)])
  const enrolmentLabel = (e: PersonExport['enrolments'][number]): string => String(e.session?.label ?? e.session?.training_title ?? `Inscription n° ${String(e.id)}`)
  addTable(book, 'Positionnements', data.registrations)
  addTable(book, 'Inscriptions', data.enrolments.map((e) => ({ session_label: enrolmentLabel(e), ...e })))
  addTable(book, 'Événements', data.enrolments.flatMap((e) => e.events.map((ev) => ({ session_label: enrolmentLabel(e), ...ev }))))
  addTable(book, 'Interruptions', data.enrolments.flatMap((e) => e.interruptions.map((i) => ({ session_label: enrolmentLabel(e), ...i }))))
  addTable(book, 'Assiduité par mois', data.enrolments.flatMap((e) => e.attendanceByMonth.map((m) => ({ session_label: enrolmentLabel(e), ...m }))))
  addTable(book, 'Bilans', data.enrolments.flatMap((e) => (e.exitReport ? [{ session_label: enrolmentLabel(e), ...e.exitReport }] : [])))
  addTable(book, 'Devis AIF', data.quotes)
  addTable(book, 'Documents', data.documents)
  addTable(book, 'Historique', data.audit)
  return Buffer.from(await book.xlsx.writeBuffer())
}
