// The compiled LHEO schema the streaming validator walks.
import type { LheoVersion } from './types'

export type WhiteSpace = 'preserve' | 'replace' | 'collapse'

export type Primitive =
  | 'string'
  | 'long'
  | 'int'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'dateTime'
  | 'date'
  | 'anyURI'
  | 'ID'
  | 'IDREF'
  | 'NCName'
  | 'NMTOKEN'

export type SimpleType = {
  /** Name used in messages (the XSD type name, without `-subtype`). */
  name: string
  primitive: Primitive
  whiteSpace: WhiteSpace
  length: number | null
  minLength: number | null
  maxLength: number | null
  /** Alternatives from one derivation step (XSD: patterns of one step are OR-ed). */
  patterns: { source: string; re: RegExp }[]
  enumeration: ReadonlySet<string> | null
  minInclusive: bigint | null
  maxInclusive: bigint | null
}

export type Particle = {
  name: string
  min: number
  max: number
  /** The referenced element (set once every element is compiled). */
  decl: ElementDecl | null
}

export type ContentModel =
  | {
      kind: 'sequence'
      particles: Particle[]
      /** child name → index in `particles` (names are unique in a sequence: checked at compile time). */
      index: ReadonlyMap<string, number>
      /** requiredAfter[i + 1] = index of the first particle after i with minOccurs > 0 (particles.length if none); i from -1. */
      requiredAfter: Int32Array
    }
  | { kind: 'choice'; options: Map<string, ElementDecl | null>; optionList: string[]; min: number; max: number }
  | { kind: 'simple'; type: SimpleType }
  | { kind: 'any' }
  | { kind: 'empty' }

export type AttributeDecl = {
  name: string
  type: SimpleType
  required: boolean
  /** xs:string without facets: any value is valid, no check needed. */
  free: boolean
}

export type ElementDecl = {
  name: string
  /** 0-based position among the schema's declarations (for per-element lookup tables). */
  index: number
  content: ContentModel
  /** Unqualified attributes (the LHEO schemas declare no qualified ones). */
  attributes: ReadonlyMap<string, AttributeDecl>
  required: string[]
  /** xs:anyType and extensions of it accept any attribute (lax). */
  anyAttribute: boolean
}

export type CompiledSchema = {
  version: LheoVersion
  namespace: string
  elements: ReadonlyMap<string, ElementDecl>
}
