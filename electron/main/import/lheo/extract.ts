import type { SaxesAttributeNS } from 'saxes'
import { checkSiret } from '../../../../shared/domain/siret'
import { attributeDate, describeDateProblem, parseLheoDate, type DateBound } from './dates'
import { cleanLine, richTextToPlain } from './richText'
import { OBSOLETE_LABEL, tableLabel } from './tables'
import type { CompiledSchema } from './schema'
import type { ExtrasJson, LheoAction, LheoCertification, LheoDate, LheoFormation, LheoFunder, LheoOrg, LheoPlace, LheoSession, LheoWarning } from './types'

/*
 * Turns the (already validated) element events of one LHEO file into LheoFormation objects.
 * The schema guarantees where each element can be, so the dispatch only looks at an element's
 * name and its parent's. State is per formation and is dropped once the formation is handed
 * over: memory does not grow with the file.
 */

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'

/** Elements the extractor looks at; every other element has code 0. */
const ELEMENT_NAMES = [
  'SIRET',
  'SIRET-formateur',
  'SIRET-organisme-formation',
  'action',
  'adresse',
  'adresse-information',
  'adresse-inscription',
  'certifiante',
  'certification',
  'civilite',
  'code-FORMACODE',
  'code-INSEE-commune',
  'code-NSF',
  'code-RNCP',
  'code-ROME',
  'code-RS',
  'code-financeur',
  'code-niveau-entree',
  'code-niveau-sortie',
  'codepostal',
  'conditions-specifiques',
  'contact-formateur',
  'contact-organisme',
  'contenu-formation',
  'coordonnees',
  'coordonnees-organisme',
  'courriel',
  'debut',
  'denomination',
  'detail-conditions-prise-en-charge',
  'domaine-formation',
  'etat-recrutement',
  'extras',
  'fin',
  'formation',
  'frais-restants',
  'intitule-formation',
  'latitude',
  'lieu-de-formation',
  'ligne',
  'longitude',
  'modalites-enseignement',
  'modalites-entrees-sorties',
  'modalites-recrutement',
  'nb-places-financees',
  'nom',
  'nom-organisme',
  'nombre-heures-centre',
  'nombre-heures-entreprise',
  'nombre-heures-total',
  'numero-activite',
  'numtel',
  'objectif-formation',
  'objectif-general-formation',
  'organisme-financeur',
  'organisme-formateur',
  'organisme-formation-responsable',
  'periode',
  'periode-inscription',
  'portable',
  'prenom',
  'prix-horaire-TTC',
  'prix-total-TTC',
  'raison-sociale',
  'raison-sociale-formateur',
  'region',
  'resultats-attendus',
  'rythme-formation',
  'session',
  'telfixe',
  'url-formation',
  'urlweb',
  'ville',
  'web',
] as const
type ElementName = (typeof ELEMENT_NAMES)[number]
const C = Object.fromEntries(ELEMENT_NAMES.map((n, i) => [n, i + 1])) as Record<ElementName, number>
const CODE_BY_NAME: ReadonlyMap<string, number> = new Map(ELEMENT_NAMES.map((n, i) => [n, i + 1]))

const codeCache = new WeakMap<CompiledSchema, Int32Array>()

/** Extractor code of each element declaration of a schema, indexed by `ElementDecl.index`. */
export function extractorCodes(schema: CompiledSchema): Int32Array {
  let codes = codeCache.get(schema)
  if (codes === undefined) {
    codes = new Int32Array(schema.elements.size)
    for (const decl of schema.elements.values()) codes[decl.index] = CODE_BY_NAME.get(decl.name) ?? 0
    codeCache.set(schema, codes)
  }
  return codes
}

type AddressDraft = {
  denomination: string | null
  lines: string[]
  postalCode: string | null
  city: string | null
  insee: string | null
  region: string | null
  latitude: number | null
  longitude: number | null
}

type CoordDraft = {
  civilite: string | null
  nom: string | null
  prenom: string | null
  lines: string[]
  address: AddressDraft | null
  telfixe: string | null
  portable: string | null
  email: string | null
  web: string | null
}

type OrgDraft = {
  numero: string | null
  line: number
  element: string
  raisonSociale: string | null
  nomOrganisme: string | null
  siret: string | null
  nda: string | null
  coords: CoordDraft | null
  contacts: CoordDraft[]
}

type FormacodeDraft = { code: string; ref: string | null; principal: boolean }

type FormationDraft = {
  numero: string | null
  line: number
  createdOn: string | null
  updatedOn: string | null
  title: string
  formacodes: FormacodeDraft[]
  nsf: string[]
  rome: string[]
  objectiveCode: number | null
  objectives: string | null
  expectedResults: string | null
  content: string | null
  certifying: boolean | null
  certifications: { kind: 'RNCP' | 'RS'; code: string }[]
  exitLevelCode: string | null
  accessLevelCode: string | null
  url: string | null
  responsibleOrg: LheoOrg | null
  actions: LheoAction[]
  extras: string[]
}

/** Each root `extras` as the JSON text of one node, until the owner is complete. */
type ExtrasDraft = { extras: string[] }

type ActionDraft = Omit<LheoAction, 'places' | 'trainers' | 'place' | 'extras'> & ExtrasDraft & { trainerContacts: CoordDraft[]; fraisRestants: string | null }

type SessionDraft = Omit<LheoSession, 'start' | 'end' | 'extras'> & ExtrasDraft & { start: LheoDate | null; end: LheoDate | null }

type FunderDraft = Omit<LheoFunder, 'extras'> & ExtrasDraft

/**
 * An extras node being read, written straight as JSON text in its compact form (`ExtrasJson`):
 * extras are most of a catalogue's bytes, and building them as objects only to serialise them
 * costs a walk and the garbage.
 */
type ExtraDraft = { head: string; children: string[] }
const extraNodeJson = (draft: ExtraDraft, text: string | null): string =>
  `${draft.head},${text === null ? 'null' : JSON.stringify(text)}${draft.children.length === 0 ? '' : `,${draft.children.join(',')}`}]`

const extrasJson = (draft: ExtrasDraft): ExtrasJson => (draft.extras.length === 0 ? null : `[${draft.extras.join(',')}]`)

export type FormationSink = (f: LheoFormation) => void

const EMPTY_DATE = (raw: string): LheoDate => ({ iso: null, precision: 'unknown', raw })

function newAddress(): AddressDraft {
  return { denomination: null, lines: [], postalCode: null, city: null, insee: null, region: null, latitude: null, longitude: null }
}

function newCoord(): CoordDraft {
  return { civilite: null, nom: null, prenom: null, lines: [], address: null, telfixe: null, portable: null, email: null, web: null }
}

/** Codes made only of zeros or nines are the producers' "unknown". */
function cleanCode(v: string | null): string | null {
  const s = cleanLine(v)
  if (s === null || /^0+$/.test(s) || /^9+$/.test(s)) return null
  return s
}

function joinLines(lines: string[]): string | null {
  const kept = lines.map((l) => cleanLine(l)).filter((l): l is string => l !== null)
  return kept.length > 0 ? kept.join(', ') : null
}

/** "1500", "1500.00", "1 500,50 €" → cents; null for anything ambiguous or unreadable. */
export function parseEuroCents(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|euros?)$/i, '')
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s)
  if (!m) return null
  const euros = Number(m[1])
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'))
  const total = euros * 100 + cents
  return Number.isSafeInteger(total) ? total : null
}

function parseCoordinate(raw: string, limit: number): number | null | 'invalid' {
  const s = raw.trim().replace(',', '.')
  if (s === '') return null
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return 'invalid'
  const n = Number(s)
  return Math.abs(n) <= limit ? n : 'invalid'
}

/** code-niveau-sortie → level of the 2019 nomenclature (see LheoCertification.level). */
export function certificationLevel(code: string | null): number | null {
  if (code === null) return null
  const n = Number(code)
  if (n >= 11 && n <= 18) return n - 10
  if (n >= 4 && n <= 8) return n - 1
  return null
}

function certCode(kind: 'RNCP' | 'RS', raw: string): string | null {
  const s = cleanLine(raw)
  if (s === null) return null
  const stripped = s.replace(kind === 'RNCP' ? /^RNCP\s*/i : /^RS\s*/i, '')
  return stripped === '' ? null : stripped
}

function placeFrom(coord: CoordDraft | null, address: AddressDraft | null): LheoPlace {
  const a = address
  const lines = a ? a.lines.map((l) => cleanLine(l)).filter((l): l is string => l !== null) : []
  const name = cleanLine(coord?.nom ?? null) ?? cleanLine(a?.denomination ?? null) ?? cleanLine(coord?.lines[0] ?? null)
  return {
    name,
    addressLine1: lines[0] ?? null,
    addressLine2: lines.length > 1 ? lines.slice(1).join(', ') : null,
    postalCode: cleanCode(a?.postalCode ?? null),
    city: cleanLine(a?.city ?? null),
    inseeCode: cleanCode(a?.insee ?? null),
    regionCode: cleanCode(a?.region ?? null),
    latitude: a?.latitude ?? null,
    longitude: a?.longitude ?? null
  }
}

function personName(c: CoordDraft): string | null {
  const parts = [cleanLine(c.prenom), cleanLine(c.nom)].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(' ') : null
}

function attr(attributes: readonly SaxesAttributeNS[], name: string): string | undefined {
  for (const a of attributes) if (a.local === name && a.uri === '') return a.value
  return undefined
}

export class LheoExtractor {
  /** Codes and names of the open elements (index = depth - 1). */
  private readonly path: number[] = []
  private readonly names: string[] = []
  private depth = 0

  private formation: FormationDraft | null = null
  private action: ActionDraft | null = null
  private session: SessionDraft | null = null
  private org: OrgDraft | null = null
  private trainer: OrgDraft | null = null
  private funder: FunderDraft | null = null
  private coord: CoordDraft | null = null
  private address: AddressDraft | null = null
  private formacodeAttrs: { ref: string | null; principal: boolean } | null = null

  /** Open extras subtree: stack of nodes, and the depth of its `extras` root. */
  private readonly extraStack: ExtraDraft[] = []
  private extrasDepth = 0
  private formationDepth = 0
  private actionDepth = 0
  private sessionDepth = 0

  formations = 0
  actions = 0
  sessions = 0

  constructor(
    private readonly sink: FormationSink,
    private readonly warn: (w: LheoWarning) => void
  ) {}

  private warning(message: string, element: string | null, line: number | null): void {
    this.warn({ message, element, line })
  }

  /** `code` comes from `extractorCodes` (0 for elements the extractor ignores). */
  open(code: number, name: string, attributes: readonly SaxesAttributeNS[], line: number): void {
    this.path[this.depth] = code
    this.names[this.depth] = name
    this.depth++
    if (this.extraStack.length > 0 || code === C['extras']) {
      this.openExtra(name, attributes)
      return
    }
    switch (code) {
      case C['formation']:
        this.formationDepth = this.depth
        this.formation = {
          numero: cleanLine(attr(attributes, 'numero')),
          line,
          createdOn: attributeDate(attr(attributes, 'datecrea')) ?? attributeDate(attr(attributes, 'horodatage-creation')),
          updatedOn: attributeDate(attr(attributes, 'datemaj')) ?? attributeDate(attr(attributes, 'horodatage-modification')),
          title: '',
          formacodes: [],
          nsf: [],
          rome: [],
          objectiveCode: null,
          objectives: null,
          expectedResults: null,
          content: null,
          certifying: null,
          certifications: [],
          exitLevelCode: null,
          accessLevelCode: null,
          url: null,
          responsibleOrg: null,
          actions: [],
          extras: []
        }
        break
      case C['action']:
        if (this.formation === null) break
        this.actionDepth = this.depth
        this.action = {
          intercarifId: cleanLine(attr(attributes, 'numero')),
          hoursTotal: null,
          hoursCentre: null,
          hoursCompany: null,
          rhythm: null,
          entryMode: null,
          teachingModality: null,
          admissionConditions: null,
          prerequisites: null,
          priceTotalCents: null,
          priceHourlyCents: null,
          priceDetails: null,
          fraisRestants: null,
          funders: [],
          trainerOrg: null,
          trainerContacts: [],
          trainingPlaces: [],
          registrationPlace: null,
          sessions: [],
          extras: [],
          line
        }
        break
      case C['session']:
        if (this.action === null) break
        this.sessionDepth = this.depth
        this.session = {
          intercarifId: cleanLine(attr(attributes, 'numero')),
          start: null,
          end: null,
          registrationStart: null,
          registrationEnd: null,
          place: null,
          recruitmentState: null,
          extras: [],
          line
        }
        break
      case C['organisme-formation-responsable']:
      case C['organisme-formateur']: {
        const draft: OrgDraft = {
          numero: cleanLine(attr(attributes, 'numero')),
          line,
          element: name,
          raisonSociale: null,
          nomOrganisme: null,
          siret: null,
          nda: null,
          coords: null,
          contacts: []
        }
        if (code === C['organisme-formateur']) this.trainer = draft
        else this.org = draft
        break
      }
      case C['organisme-financeur']:
        this.funder = { code: '', label: null, places: null, extras: [] }
        break
      case C['coordonnees']:
        this.coord = newCoord()
        break
      case C['adresse']:
        this.address = newAddress()
        break
      case C['code-FORMACODE']:
        this.formacodeAttrs = { ref: cleanLine(attr(attributes, 'ref')), principal: attr(attributes, 'tag')?.trim() === 'principal' }
        break
      default:
        break
    }
  }

  private openExtra(name: string, attributes: readonly SaxesAttributeNS[]): void {
    let attrs = ''
    for (const a of attributes) if (a.uri !== XMLNS_NS) attrs += `${attrs === '' ? '' : ','}${JSON.stringify(a.name)}:${JSON.stringify(a.value)}`
    if (this.extraStack.length === 0) this.extrasDepth = this.depth
    this.extraStack.push({ head: `[${JSON.stringify(name)},{${attrs}}`, children: [] })
  }

  private closeExtra(text: string): void {
    const draft = this.extraStack.pop()
    if (draft === undefined) return
    const t = text.trim()
    const node = extraNodeJson(draft, t === '' ? null : t)
    const parent = this.extraStack[this.extraStack.length - 1]
    if (parent !== undefined) {
      parent.children.push(node)
      return
    }
    // The root `extras` is complete: give it to its owner.
    const parentCode = this.depth >= 2 ? this.path[this.depth - 2] : 0
    if (parentCode === C['organisme-financeur'] && this.funder) {
      this.funder.extras.push(node)
      return
    }
    let owner: string[] | null = null
    let ownerDepth = 0
    if (this.session && this.sessionDepth > 0) {
      owner = this.session.extras
      ownerDepth = this.sessionDepth
    } else if (this.action && this.actionDepth > 0) {
      owner = this.action.extras
      ownerDepth = this.actionDepth
    } else if (this.formation && this.formationDepth > 0) {
      owner = this.formation.extras
      ownerDepth = this.formationDepth
    }
    if (owner === null) return // extras of <offres> / <lheo>: not about a formation
    // Extras deeper than their owner keep the way there, e.g. lieu-de-formation › extras.
    let wrapped = node
    for (let d = this.extrasDepth - 2; d >= ownerDepth; d--) {
      wrapped = extraNodeJson({ head: `[${JSON.stringify(this.names[d] ?? '')},{}`, children: [wrapped] }, null)
    }
    owner.push(wrapped)
  }

  /** The innermost open element closes; `text` is its character content. */
  close(text: string, line: number): void {
    if (this.extraStack.length > 0) {
      this.closeExtra(text)
      this.depth--
      return
    }
    const d = this.depth
    const code = this.path[d - 1] ?? 0
    if (code !== 0) this.closeElement(code, this.names[d - 1] ?? '', d >= 2 ? (this.path[d - 2] ?? 0) : 0, d >= 3 ? (this.path[d - 3] ?? 0) : 0, text, line)
    this.depth--
  }

  private int(text: string, element: string, line: number): number | null {
    const n = Number(text.trim())
    if (!Number.isSafeInteger(n)) {
      this.warning(`Nombre trop grand ou illisible « ${text.trim()} » dans <${element}> ligne ${line} : ignoré.`, element, line)
      return null
    }
    return n
  }

  private date(text: string, bound: DateBound, element: string, line: number): LheoDate {
    const parsed = parseLheoDate(text, bound)
    const message = describeDateProblem(parsed, element, line)
    if (message !== null) this.warning(message, element, line)
    return parsed.date
  }

  private code(table: Parameters<typeof tableLabel>[0], code: string, element: string, line: number, what: string): string | null {
    const label = tableLabel(table, code)
    if (label === null) this.warning(`Code ${what} « ${code} » absent des tables LHEO dans <${element}> ligne ${line} : importé sans libellé.`, element, line)
    else if (label === OBSOLETE_LABEL) this.warning(`Code ${what} « ${code} » marqué obsolète dans les tables LHEO (<${element}> ligne ${line}).`, element, line)
    return label === OBSOLETE_LABEL ? null : label
  }

  private siret(raw: string, element: string, line: number): string | null {
    const s = cleanCode(raw)
    if (s === null) return null
    const check = checkSiret(s)
    if (!check.ok) this.warning(`${check.message} (<${element}> ligne ${line})`, element, line)
    return s
  }

  private closeElement(code: number, name: string, parent: number, grand: number, text: string, line: number): void {
    const f = this.formation
    if (f === null) return
    const a = this.action
    switch (code) {
      // --- formation ------------------------------------------------------------------------
      case C['code-FORMACODE']: {
        const code = cleanLine(text)
        if (parent === C['domaine-formation'] && code !== null) {
          f.formacodes.push({ code, ref: this.formacodeAttrs?.ref ?? null, principal: this.formacodeAttrs?.principal ?? false })
        }
        this.formacodeAttrs = null
        return
      }
      case C['code-NSF']:
        if (parent === C['domaine-formation']) pushClean(f.nsf, text)
        return
      case C['code-ROME']:
        if (parent === C['domaine-formation']) pushClean(f.rome, text)
        return
      case C['intitule-formation']:
        f.title = cleanLine(text) ?? ''
        return
      case C['objectif-formation']:
        f.objectives = richTextToPlain(text)
        return
      case C['resultats-attendus']:
        f.expectedResults = richTextToPlain(text)
        return
      case C['contenu-formation']:
        f.content = richTextToPlain(text)
        return
      case C['certifiante']:
        f.certifying = text.trim() === '1' ? true : text.trim() === '0' ? false : null
        return
      case C['objectif-general-formation']: {
        const value = text.trim()
        this.code('dict-AIS', value, name, line, "d'objectif général")
        f.objectiveCode = Number(value)
        return
      }
      case C['code-niveau-entree']: {
        f.accessLevelCode = text.trim()
        return
      }
      case C['code-niveau-sortie']:
        if (parent === C['formation']) f.exitLevelCode = text.trim()
        return
      case C['code-RNCP']:
      case C['code-RS']: {
        if (parent !== C['certification']) return
        const kind = code === C['code-RNCP'] ? 'RNCP' : 'RS'
        const value = certCode(kind, text)
        if (value !== null) f.certifications.push({ kind, code: value })
        return
      }
      case C['urlweb']: {
        const url = cleanLine(text)
        if (parent === C['url-formation'] && grand === C['formation']) f.url ??= url
        else if (parent === C['web'] && this.coord) this.coord.web ??= url
        return
      }
      case C['formation']:
        this.finishFormation(f)
        return
      // --- organisations ----------------------------------------------------------------------
      case C['numero-activite']:
        if (this.org) this.org.nda = cleanCode(text)
        return
      case C['SIRET']: {
        const target = parent === C['SIRET-organisme-formation'] ? this.org : parent === C['SIRET-formateur'] ? this.trainer : null
        if (target) target.siret = this.siret(text, this.names[this.depth - 2] ?? name, line)
        return
      }
      case C['nom-organisme']:
        if (this.org) this.org.nomOrganisme = cleanLine(text)
        return
      case C['raison-sociale']:
        if (this.org) this.org.raisonSociale = cleanLine(text)
        return
      case C['raison-sociale-formateur']:
        if (this.trainer) this.trainer.raisonSociale = cleanLine(text)
        return
      case C['organisme-formation-responsable']:
        if (this.org) f.responsibleOrg = this.finishOrg(this.org)
        this.org = null
        return
      case C['organisme-formateur']:
        if (a && this.trainer) {
          if (a.trainerOrg === null) {
            a.trainerOrg = this.finishOrg(this.trainer)
            a.trainerContacts = this.trainer.contacts
          } else {
            this.warning(`Plusieurs organismes formateurs pour l'action ${a.intercarifId ?? ''} : seul le premier est repris (ligne ${line}).`, name, this.trainer.line)
          }
        }
        this.trainer = null
        return
      // --- coordinates and addresses ----------------------------------------------------------
      case C['civilite']:
        if (this.coord && parent === C['coordonnees']) this.coord.civilite = text
        return
      case C['nom']:
        if (this.coord && parent === C['coordonnees']) this.coord.nom = text
        return
      case C['prenom']:
        if (this.coord && parent === C['coordonnees']) this.coord.prenom = text
        return
      case C['ligne']:
        if (parent === C['adresse'] && this.address) this.address.lines.push(text)
        else if (parent === C['coordonnees'] && this.coord) this.coord.lines.push(text)
        return
      case C['denomination']:
        if (this.address) this.address.denomination = text
        return
      case C['codepostal']:
        if (this.address) this.address.postalCode = text
        return
      case C['ville']:
        if (this.address) this.address.city = text
        return
      case C['code-INSEE-commune']:
        if (this.address) this.address.insee = text
        return
      case C['region']:
        if (this.address) this.address.region = text
        return
      case C['latitude']:
      case C['longitude']: {
        if (!this.address) return
        const v = parseCoordinate(text, code === C['latitude'] ? 90 : 180)
        if (v === 'invalid') {
          this.warning(`Coordonnée GPS illisible « ${text.trim()} » dans <${name}> ligne ${line} : ignorée.`, name, line)
          return
        }
        if (code === C['latitude']) this.address.latitude = v
        else this.address.longitude = v
        return
      }
      case C['numtel']:
        if (!this.coord) return
        if (parent === C['telfixe']) this.coord.telfixe ??= cleanLine(text)
        else if (parent === C['portable']) this.coord.portable ??= cleanLine(text)
        return
      case C['courriel']:
        if (this.coord) this.coord.email = cleanLine(text)
        return
      case C['adresse']: {
        const addr = this.address
        this.address = null
        if (addr === null) return
        if (parent === C['coordonnees'] && this.coord) this.coord.address = addr
        else if (parent === C['adresse-inscription'] && this.session) this.session.place = placeFrom(null, addr)
        else if (parent === C['adresse-information'] && a) a.registrationPlace = placeFrom(null, addr)
        return
      }
      case C['coordonnees']: {
        const c = this.coord
        this.coord = null
        if (c === null) return
        if (parent === C['lieu-de-formation'] && a) a.trainingPlaces.push(placeFrom(c, c.address))
        else if (parent === C['coordonnees-organisme'] && this.org) this.org.coords = c
        else if (parent === C['contact-organisme'] && this.org) this.org.contacts.push(c)
        else if (parent === C['contact-formateur'] && this.trainer) this.trainer.contacts.push(c)
        return
      }
      default:
        break
    }
    if (a === null) return
    switch (code) {
      // --- action -----------------------------------------------------------------------------
      case C['rythme-formation']:
        a.rhythm = richTextToPlain(text)
        return
      case C['modalites-enseignement']:
        a.teachingModality = this.code('dict-modalites-enseignement', text.trim(), name, line, "de modalité d'enseignement")
        return
      case C['conditions-specifiques']:
        a.prerequisites = richTextToPlain(text)
        return
      case C['modalites-recrutement']:
        if (parent === C['action']) a.admissionConditions = richTextToPlain(text)
        return
      case C['modalites-entrees-sorties']: {
        const v = text.trim()
        a.entryMode = v === '0' ? 'fixed' : v === '1' ? 'permanent' : null
        return
      }
      case C['prix-total-TTC']:
      case C['prix-horaire-TTC']: {
        const cents = parseEuroCents(text)
        if (cents === null) this.warning(`Prix illisible « ${text.trim()} » dans <${name}> ligne ${line} : ignoré.`, name, line)
        if (code === C['prix-total-TTC']) a.priceTotalCents = cents
        else a.priceHourlyCents = cents
        return
      }
      case C['detail-conditions-prise-en-charge']:
        a.priceDetails = richTextToPlain(text)
        return
      case C['frais-restants']:
        a.fraisRestants = richTextToPlain(text)
        return
      case C['nombre-heures-centre']:
        a.hoursCentre = this.int(text, name, line)
        return
      case C['nombre-heures-entreprise']:
        a.hoursCompany = this.int(text, name, line)
        return
      case C['nombre-heures-total']:
        a.hoursTotal = this.int(text, name, line)
        return
      case C['code-financeur']:
        if (this.funder) {
          this.funder.code = text.trim()
          this.funder.label = this.code('dict-financeurs', this.funder.code, name, line, 'financeur')
        }
        return
      case C['nb-places-financees']:
        if (this.funder) this.funder.places = this.int(text, name, line)
        return
      case C['organisme-financeur']:
        if (this.funder) a.funders.push({ code: this.funder.code, label: this.funder.label, places: this.funder.places, extras: extrasJson(this.funder) })
        this.funder = null
        return
      case C['action']:
        this.finishAction(a)
        return
      default:
        break
    }
    const s = this.session
    if (s === null) return
    switch (code) {
      // --- session ----------------------------------------------------------------------------
      case C['debut']:
      case C['fin']: {
        if (parent !== C['periode']) return
        const bound = code === C['debut'] ? 'start' : 'end'
        if (grand === C['session']) {
          if (bound === 'start') s.start = this.date(text, bound, name, line)
          else s.end = this.date(text, bound, name, line)
        } else if (grand === C['periode-inscription']) {
          if (bound === 'start') s.registrationStart = this.date(text, bound, name, line)
          else s.registrationEnd = this.date(text, bound, name, line)
        }
        return
      }
      case C['etat-recrutement']: {
        const v = text.trim()
        s.recruitmentState = v === '1' ? 'open' : v === '2' ? 'closed' : v === '3' ? 'suspended' : null
        return
      }
      case C['session']: {
        a.sessions.push({
          intercarifId: s.intercarifId,
          start: s.start ?? EMPTY_DATE(''),
          end: s.end ?? EMPTY_DATE(''),
          registrationStart: s.registrationStart,
          registrationEnd: s.registrationEnd,
          place: s.place,
          recruitmentState: s.recruitmentState,
          extras: extrasJson(s),
          line: s.line
        })
        this.sessions++
        this.session = null
        this.sessionDepth = 0
        return
      }
      default:
        return
    }
  }

  private finishOrg(o: OrgDraft): LheoOrg {
    const main = o.coords
    const contact = o.contacts[0] ?? null
    const address = main?.address ?? contact?.address ?? null
    return {
      intercarifId: o.numero,
      name: o.raisonSociale ?? o.nomOrganisme,
      siret: o.siret,
      nda: o.nda,
      addressLine1: address ? joinLines(address.lines) : null,
      postalCode: cleanCode(address?.postalCode ?? null),
      city: cleanLine(address?.city ?? null),
      phone: main?.telfixe ?? main?.portable ?? contact?.telfixe ?? contact?.portable ?? null,
      email: main?.email ?? contact?.email ?? null,
      web: main?.web ?? contact?.web ?? null
    }
  }

  private finishAction(a: ActionDraft): void {
    const f = this.formation
    if (f === null) return
    const funderPlaces = a.funders.map((x) => x.places).filter((p): p is number => p !== null)
    const trainers = a.trainerContacts.map(personName).filter((n): n is string => n !== null)
    const priceDetails = [a.priceDetails, a.fraisRestants === null ? null : `Frais restants : ${a.fraisRestants}`].filter((p): p is string => p !== null)
    f.actions.push({
      intercarifId: a.intercarifId,
      places: funderPlaces.length > 0 ? funderPlaces.reduce((x, y) => x + y, 0) : null,
      hoursTotal: a.hoursTotal,
      hoursCentre: a.hoursCentre,
      hoursCompany: a.hoursCompany,
      rhythm: a.rhythm,
      entryMode: a.entryMode,
      teachingModality: a.teachingModality,
      admissionConditions: a.admissionConditions,
      prerequisites: a.prerequisites,
      priceTotalCents: a.priceTotalCents,
      priceHourlyCents: a.priceHourlyCents,
      priceDetails: priceDetails.length > 0 ? priceDetails.join('\n\n') : null,
      funders: a.funders,
      trainerOrg: a.trainerOrg,
      trainers: trainers.length > 0 ? trainers.join(', ') : null,
      place: a.trainingPlaces[0] ?? null,
      trainingPlaces: a.trainingPlaces,
      registrationPlace: a.registrationPlace,
      sessions: a.sessions,
      extras: extrasJson(a),
      line: a.line
    })
    this.actions++
    this.action = null
    this.actionDepth = 0
  }

  private finishFormation(f: FormationDraft): void {
    const principal = f.formacodes.find((c) => c.principal) ?? f.formacodes[0] ?? null
    const cert = f.certifications[0] ?? null
    const certification: LheoCertification | null = cert ? { ...cert, level: certificationLevel(f.exitLevelCode) } : null
    const accessCode = f.accessLevelCode
    const formation: LheoFormation = {
      intercarifId: f.numero,
      title: f.title,
      formacode: principal?.code ?? null,
      formacodeVersion: principal?.ref ?? null,
      secondaryFormacodes: f.formacodes.filter((c) => c !== principal).map((c) => c.code),
      nsfCodes: f.nsf,
      romeCodes: f.rome,
      objectiveCode: f.objectiveCode,
      objectives: f.objectives,
      expectedResults: f.expectedResults,
      content: f.content,
      certifying: f.certifying,
      certification,
      totalHours: f.actions.find((x) => x.hoursTotal !== null)?.hoursTotal ?? null,
      accessLevel: accessCode === null || accessCode === '0' ? null : tableLabel('dict-niveaux', accessCode),
      accessLevelCode: accessCode,
      responsibleOrg: f.responsibleOrg,
      url: f.url,
      createdOn: f.createdOn,
      updatedOn: f.updatedOn,
      actions: f.actions,
      extras: extrasJson(f),
      line: f.line
    }
    this.formations++
    this.formation = null
    this.formationDepth = 0
    this.sink(formation)
  }
}

function pushClean(list: string[], text: string): void {
  const v = cleanLine(text)
  if (v !== null) list.push(v)
}
