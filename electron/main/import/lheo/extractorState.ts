// The LHEO extractor's walking state and value helpers (see extract.ts).
import type { SaxesAttributeNS } from 'saxes'
import { checkSiret } from '@shared/domain/siret'
import { attributeDate, describeDateProblem, parseLheoDate, type DateBound } from './dates'
import { cleanLine } from './richText'
import { OBSOLETE_LABEL, tableLabel } from './tables'
import type { LheoDate, LheoWarning } from './types'
import { C } from './extractElements'
import { extraNodeJson, newAddress, newCoord, type ActionDraft, type AddressDraft, type CoordDraft, type ExtraDraft, type FormationDraft, type FormationSink, type FunderDraft, type OrgDraft, type SessionDraft } from './extractDrafts'
import { attr, cleanCode } from './extractValues'

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'

/**
 * What the extractor knows while it walks a file: the open elements, the drafts being filled, the
 * extras subtree being captured; `open` starts drafts, and the value helpers report what they drop.
 * LheoExtractor adds what happens when an element closes.
 */
export abstract class ExtractorState {
  /** Codes and names of the open elements (index = depth - 1). */
  protected readonly path: number[] = []
  protected readonly names: string[] = []
  protected depth = 0

  protected formation: FormationDraft | null = null
  protected action: ActionDraft | null = null
  protected session: SessionDraft | null = null
  protected org: OrgDraft | null = null
  protected trainer: OrgDraft | null = null
  protected funder: FunderDraft | null = null
  protected coord: CoordDraft | null = null
  protected address: AddressDraft | null = null
  protected formacodeAttrs: { ref: string | null; principal: boolean } | null = null

  /** Open extras subtree: stack of nodes, and the depth of its `extras` root. */
  protected readonly extraStack: ExtraDraft[] = []
  protected extrasDepth = 0
  protected formationDepth = 0
  protected actionDepth = 0
  protected sessionDepth = 0

  formations = 0
  actions = 0
  sessions = 0

  constructor(
    protected readonly sink: FormationSink,
    protected readonly warn: (w: LheoWarning) => void
  ) {}

  protected warning(message: string, element: string | null, line: number | null): void {
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

  protected openExtra(name: string, attributes: readonly SaxesAttributeNS[]): void {
    let attrs = ''
    for (const a of attributes) if (a.uri !== XMLNS_NS) attrs += `${attrs === '' ? '' : ','}${JSON.stringify(a.name)}:${JSON.stringify(a.value)}`
    if (this.extraStack.length === 0) this.extrasDepth = this.depth
    this.extraStack.push({ head: `[${JSON.stringify(name)},{${attrs}}`, children: [] })
  }

  protected closeExtra(text: string): void {
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

  protected int(text: string, element: string, line: number): number | null {
    const n = Number(text.trim())
    if (!Number.isSafeInteger(n)) {
      this.warning(`Nombre trop grand ou illisible « ${text.trim()} » dans <${element}> ligne ${line} : ignoré.`, element, line)
      return null
    }
    return n
  }

  protected date(text: string, bound: DateBound, element: string, line: number): LheoDate {
    const parsed = parseLheoDate(text, bound)
    const message = describeDateProblem(parsed, element, line)
    if (message !== null) this.warning(message, element, line)
    return parsed.date
  }

  protected code(table: Parameters<typeof tableLabel>[0], code: string, element: string, line: number, what: string): string | null {
    const label = tableLabel(table, code)
    if (label === null) this.warning(`Code ${what} « ${code} » absent des tables LHEO dans <${element}> ligne ${line} : importé sans libellé.`, element, line)
    else if (label === OBSOLETE_LABEL) this.warning(`Code ${what} « ${code} » marqué obsolète dans les tables LHEO (<${element}> ligne ${line}).`, element, line)
    return label === OBSOLETE_LABEL ? null : label
  }

  protected siret(raw: string, element: string, line: number): string | null {
    const s = cleanCode(raw)
    if (s === null) return null
    const check = checkSiret(s)
    if (!check.ok) this.warning(`${check.message} (<${element}> ligne ${line})`, element, line)
    return s
  }
}
