// The extractor's drafts: what it keeps of a formation, action, session, organisation or address until it closes.
import { cleanLine } from './richText'
import type { ExtrasJson, LheoAction, LheoDate, LheoFormation, LheoFunder, LheoOrg, LheoPlace, LheoSession } from './types'
import { cleanCode } from './extractValues'

export type AddressDraft = {
  denomination: string | null
  lines: string[]
  postalCode: string | null
  city: string | null
  insee: string | null
  region: string | null
  latitude: number | null
  longitude: number | null
}

export type CoordDraft = {
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

export type OrgDraft = {
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

export type FormacodeDraft = { code: string; ref: string | null; principal: boolean }

export type FormationDraft = {
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
export type ExtrasDraft = { extras: string[] }

export type ActionDraft = Omit<LheoAction, 'places' | 'trainers' | 'place' | 'extras'> & ExtrasDraft & { trainerContacts: CoordDraft[]; fraisRestants: string | null }

export type SessionDraft = Omit<LheoSession, 'start' | 'end' | 'extras'> & ExtrasDraft & { start: LheoDate | null; end: LheoDate | null }

export type FunderDraft = Omit<LheoFunder, 'extras'> & ExtrasDraft

/**
 * An extras node being read, written straight as JSON text in its compact form (`ExtrasJson`):
 * extras are most of a catalogue's bytes, and building them as objects only to serialise them
 * costs a walk and the garbage.
 */
export type ExtraDraft = { head: string; children: string[] }
export const extraNodeJson = (draft: ExtraDraft, text: string | null): string =>
  `${draft.head},${text === null ? 'null' : JSON.stringify(text)}${draft.children.length === 0 ? '' : `,${draft.children.join(',')}`}]`

export const extrasJson = (draft: ExtrasDraft): ExtrasJson => (draft.extras.length === 0 ? null : `[${draft.extras.join(',')}]`)

export type FormationSink = (f: LheoFormation) => void

export const EMPTY_DATE = (raw: string): LheoDate => ({ iso: null, precision: 'unknown', raw })

export function newAddress(): AddressDraft {
  return { denomination: null, lines: [], postalCode: null, city: null, insee: null, region: null, latitude: null, longitude: null }
}

export function newCoord(): CoordDraft {
  return { civilite: null, nom: null, prenom: null, lines: [], address: null, telfixe: null, portable: null, email: null, web: null }
}

export function placeFrom(coord: CoordDraft | null, address: AddressDraft | null): LheoPlace {
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

export function personName(c: CoordDraft): string | null {
  const parts = [cleanLine(c.prenom), cleanLine(c.nom)].filter((p): p is string => p !== null)
  return parts.length > 0 ? parts.join(' ') : null
}
