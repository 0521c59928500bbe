import { IMPORTABLE_FIELDS, type ImportableField } from '@shared/api/areas/traineeImport'
import { foldForSearch } from '@shared/domain/text'
import { isBlank, type SourceRow } from './table'

/** "N° identifiant" → "n identifiant", "Né(e) le" → "ne e le", "E-mail" → "e mail". */
export function normaliseHeader(header: string): string {
  return foldForSearch(header.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

type Recognised = { field: ImportableField; rank: number } | null

const CONTACT = /\b(mail|e mail|email|courriel|mel|tel|telephone|portable|mobile|adresse|fax)\b/
const EMAIL = /\b(courriel|e mail|email|mail|mel|adresse electronique)\b/
/** The prescriber's agency or structure, by name ("Agence", "Structure prescriptrice", "Organisme prescripteur"). */
const AGENCY = /\b(agence|structure)\b|\borganisme (prescripteur|orienteur)\b/
const PERSON = /\b(stagiaire|candidat|candidate|beneficiaire|demandeur|personne|apprenant|apprenante)\b|^nom (du )?de$/

/**
 * One French header → the trainee field it holds, with a rank (0 = unambiguous) used when two
 * columns claim the same field ("Nom d'usage" is preferred to "Nom de naissance"). Rules are
 * tried in order: the more specific ones first, so that "Adresse électronique" is an e-mail,
 * "Nom du conseiller" the adviser, "Mail conseiller" the adviser's e-mail, "Agence" the
 * prescriber's agency and "Commune de naissance" nothing at all.
 */
export function recogniseHeader(header: string): Recognised {
  const h = normaliseHeader(header)
  if (h === '') return null
  // Birth place and nationality are not kept; they must not be taken for the address.
  if (/\b(lieu|commune|ville|pays|departement|dept) (de )?naissance\b|\bnationalite\b/.test(h)) return null
  if (/\bdate (de )?naiss(ance)?\b|\bnee? le\b|\bne e le\b|^ddn$|^naissance$/.test(h)) return { field: 'birthDate', rank: 0 }
  // Any other date (inscription, prescription, entrée…) is not a trainee field.
  if (/\bdate\b/.test(h)) return null
  if (/\b(conseiller|conseillere|referent|referente|charge de suivi|chargee de suivi)\b/.test(h)) {
    const rank = /\bconseill/.test(h) ? 0 : 1
    if (EMAIL.test(h)) return { field: 'adviserEmail', rank }
    return CONTACT.test(h) ? null : { field: 'adviserName', rank }
  }
  // "Type de structure" is the kind of prescriber; "Structure" alone most often holds the agency's name.
  if (/\btype\b/.test(h) && /\b(structure|prescripteur|prescriptrice|orienteur)\b/.test(h)) return { field: 'prescriber', rank: 0 }
  if (AGENCY.test(h)) {
    // Its code, number, e-mail or address are not kept.
    if (CONTACT.test(h) || /\b(code|id|identifiant|n|no|num|numero|siret)\b/.test(h)) return null
    return { field: 'prescriberAgency', rank: /\b(agence|prescri\w*|orient\w*)\b/.test(h) ? 0 : 1 }
  }
  if (/\b(prescripteur|prescriptrice|orienteur|orienteuse)\b/.test(h)) {
    return CONTACT.test(h) ? null : { field: 'prescriber', rank: /\bprescri/.test(h) ? 0 : 1 }
  }
  if (EMAIL.test(h)) return { field: 'email', rank: 0 }
  if (/\b(tel|telephone|portable|mobile|gsm|fixe)\b/.test(h)) return { field: 'phone', rank: /\b(portable|mobile)\b/.test(h) ? 0 : 1 }
  if (/^(ide|idft|idpe|id ft|id pe)$/.test(h)) return { field: 'ftId', rank: 0 }
  if (/\b(identifiant|ident|id|ide|n|no|num|numero)\b.*\b(france travail|ft|pole emploi|pe|regional|de)$/.test(h)) return { field: 'ftId', rank: 0 }
  if (/\b(identifiant|ident|id|ide|n|no|num|numero)\b.*\b(france travail|ft|pole emploi|pe|regional)\b/.test(h)) return { field: 'ftId', rank: 0 }
  if (/^((n|no|num|numero) (d )?)?(identifiant|ident)$/.test(h)) return { field: 'ftId', rank: 1 }
  if (/\b(code postal|code post|cp|cpostal)\b/.test(h)) return { field: 'postalCode', rank: 0 }
  if (/\b(ville|commune|localite)\b/.test(h)) return { field: 'city', rank: 0 }
  if (/\b(complement|ligne 2|adresse 2|bis)\b/.test(h)) return null
  if (/\b(adresse|rue|voie|domicile)\b/.test(h)) return { field: 'addressLine1', rank: /^adresse( 1| ligne 1| postale)?$/.test(h) ? 0 : 1 }
  if (/^(civilite|civ|sexe|genre|titre)$|\bcivilite\b/.test(h)) return { field: 'civility', rank: 0 }
  // "Nom prénom" in one column cannot be split safely: the clerk maps it by hand if at all.
  if (/\bnom\b/.test(h) && /\bprenoms?\b/.test(h)) return null
  if (/\bprenoms?\b/.test(h)) return { field: 'firstName', rank: /^prenoms?$/.test(h) ? 0 : 1 }
  if (/^(nom|nom d usage|nom usuel|nom marital|nom d epouse)$/.test(h)) return { field: 'lastName', rank: 0 }
  if (/^nom de famille$/.test(h)) return { field: 'lastName', rank: 1 }
  if (/^(nom de naissance|nom patronymique|nom de jeune fille)$/.test(h)) return { field: 'lastName', rank: 2 }
  if (/\bnom\b/.test(h) && PERSON.test(h)) return { field: 'lastName', rank: 3 }
  if (/^(notes?|commentaires?|observations?|remarques?|informations? complementaires?)$/.test(h)) return { field: 'notes', rank: 0 }
  return null
}

export type HeaderMapping = {
  mapping: (ImportableField | null)[]
  /** French remarks: fields claimed by several columns, columns left aside. */
  warnings: string[]
}

/** Excel's column letters, for messages: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** Each field goes to one column at most: the best ranked one, the leftmost among equals. */
export function recogniseHeaders(headers: readonly string[]): HeaderMapping {
  const found = headers.map(recogniseHeader)
  const mapping: (ImportableField | null)[] = headers.map(() => null)
  const warnings: string[] = []
  const fields = new Set(found.flatMap((f) => (f ? [f.field] : [])))
  for (const field of fields) {
    const claims = found.flatMap((f, i) => (f && f.field === field ? [{ i, rank: f.rank }] : []))
    claims.sort((a, b) => a.rank - b.rank || a.i - b.i)
    const [winner, ...others] = claims
    if (!winner) continue
    mapping[winner.i] = field
    if (others.length > 0) {
      const names = others.map((o) => `« ${headers[o.i] ?? ''} »`).join(', ')
      warnings.push(
        `Plusieurs colonnes correspondent à « ${IMPORTABLE_FIELDS[field]} » : la colonne « ${headers[winner.i] ?? ''} » est utilisée, ${names} ${others.length > 1 ? 'sont ignorées' : 'est ignorée'}.`
      )
    }
  }
  return { mapping, warnings }
}

/**
 * The header is the row, among the first few that hold something, that names the most
 * trainee fields; title lines above it ("Liste des positionnés — édité le …") are skipped.
 * Falls back to the first non-empty row when nothing is recognised.
 */
export function findHeaderRow(rows: readonly SourceRow[]): number {
  let best = -1
  let bestScore = 0
  let seen = 0
  for (let i = 0; i < rows.length && seen < 10; i++) {
    const row = rows[i]
    if (!row || isBlank(row.cells)) continue
    if (best < 0) best = i
    seen++
    const score = new Set(row.cells.map(recogniseHeader).flatMap((f) => (f ? [f.field] : []))).size
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return best
}
