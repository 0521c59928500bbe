import type { SaxesAttributeNS } from 'saxes'
import { LheoError } from './errors'
import { checkSimpleValue, collapse, quote } from './checkSimpleValue'
import type { CompiledSchema, ContentModel, ElementDecl } from './schema'

/*
 * Streaming validation against the LHEO schema of the file's version.
 *
 * DECISION — a file that breaks the schema is REFUSED as a whole, and nothing is written:
 * the reader maps elements to columns by their place in the LHEO structure, so a misspelt or
 * misplaced element (Anotea's `coordonneFs`, an `adresse` after `web`) would silently send
 * values to the wrong fields or drop them, and a SIRET of 15 digits is not a SIRET. The clerk
 * gets the element, the line and what was expected, and asks the CARIF-OREF for a corrected
 * export (the catalogue is corrected at the source, never locally).
 * The first error stops the read (LheoError, code 'INVALID'). Formations handed over before the
 * error are not final: callers commit nothing before `readLheo` resolves (the import service
 * parks them on disk and writes them in one transaction afterwards), so a refused file leaves
 * the database as it was.
 *
 * What the schema itself accepts is imported, with a warning when a value is outside the LHEO
 * code tables or marked obsolete there (e.g. a financeur code the tables do not list) —
 * that check is the reader's, not this validator's.
 *
 * Checked here, as an XSD validator would (libxml2 `xmllint --schema` gives the same verdict on
 * the reference files):
 * - element names and namespace, order and number of occurrences in each sequence, missing
 *   required children (at the closing tag), the repeated choice of `extras`;
 * - text in element-only content (anything but white space), elements inside text-only elements;
 * - simple values: length / minLength / maxLength (in characters), pattern, enumeration, xs:long,
 *   after the white-space normalisation of the type (xs:token and xs:long are collapsed,
 *   xs:string is kept as is: " 8242…" is 15 characters);
 * - attributes: undeclared ones, required ones, the xs:ID and xs:dateTime types, IDs unique in
 *   the document (xs:anyURI is not checked: libxml2 accepts almost anything there too).
 *   xsi:schemaLocation is allowed anywhere;
 * - `extra` is xs:anyType: any content and attributes, but LHEO elements met inside it are
 *   validated (lax processing, as libxml2 does).
 * Not checked: IDREF targets (libxml2 does not either).
 *
 * Cross-checked against `xmllint --schema` on ~1 500 random mutations of the reference files
 * (elements removed, duplicated, swapped, renamed, values and attributes changed): same verdict
 * everywhere except one libxml2 quirk: it refuses " 40 " in an xs:long element, which the XSD
 * specification (whiteSpace collapse, fixed for xs:long) accepts, and so do we.
 */

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance'
const NOT_WHITESPACE = /[^ \t\n\r]/

const Mode = { Sequence: 0, Choice: 1, Simple: 2, Any: 3, Empty: 4 } as const
type Mode = (typeof Mode)[keyof typeof Mode]

type Frame = {
  decl: ElementDecl | null
  content: ContentModel | null
  name: string
  line: number
  mode: Mode
  /** Sequence: index of the current particle (-1 before the first); choice: unused. */
  pos: number
  /** Occurrences of the current particle (sequence) or repetitions (choice). */
  count: number
  text: string
}

function modeOf(content: ContentModel): Mode {
  switch (content.kind) {
    case 'sequence':
      return Mode.Sequence
    case 'choice':
      return Mode.Choice
    case 'simple':
      return Mode.Simple
    case 'any':
      return Mode.Any
    default:
      return Mode.Empty
  }
}

function tag(name: string): string {
  return `<${name}>`
}

function listTags(names: string[]): string {
  if (names.length === 1) return tag(names[0] ?? '')
  return `l'un de ${names.map(tag).join(', ')}`
}


/** The per-element state machine. One instance per file. */
export class StreamValidator {
  private readonly elements: ReadonlyMap<string, ElementDecl>
  /** The namespace; replaced by the document's own string object once seen, so that the
   * comparison on every element is a pointer comparison. */
  private ns: string
  private readonly stack: Frame[] = []
  private depth = 0
  private readonly ids = new Set<string>()

  constructor(schema: CompiledSchema) {
    this.elements = schema.elements
    this.ns = schema.namespace
  }

  private fail(message: string, element: string | null, line: number | null, column: number | null = null): never {
    throw new LheoError('INVALID', message, { element, line, column })
  }

  /** Allowed next children of a sequence frame, for messages; `end` when the element may close. */
  private expected(frame: Frame): { names: string[]; end: boolean } {
    const content = frame.content
    if (!content) return { names: [], end: true }
    if (content.kind === 'choice') return { names: content.optionList, end: frame.count >= content.min }
    if (content.kind !== 'sequence') return { names: [], end: true }
    const names: string[] = []
    const { particles } = content
    const cur = frame.pos >= 0 ? particles[frame.pos] : undefined
    if (cur && frame.count < cur.max) names.push(cur.name)
    if (cur && frame.count < cur.min) return { names, end: false }
    for (let k = frame.pos + 1; k < particles.length; k++) {
      const p = particles[k]
      if (!p) break
      names.push(p.name)
      if (p.min > 0) return { names, end: false }
    }
    return { names, end: true }
  }

  private expectedText(frame: Frame): string {
    const { names, end } = this.expected(frame)
    if (names.length === 0) return end ? `la fin de ${tag(frame.name)}` : 'rien'
    return `${listTags(names)}${end ? ` ou la fin de ${tag(frame.name)}` : ''}`
  }

  private push(decl: ElementDecl | null, name: string, line: number): Frame {
    let f = this.stack[this.depth]
    const mode = decl ? modeOf(decl.content) : Mode.Any
    const content = decl ? decl.content : null
    if (f === undefined) {
      f = { decl, content, name, line, mode, pos: -1, count: 0, text: '' }
      this.stack[this.depth] = f
    } else {
      f.decl = decl
      f.content = content
      f.name = name
      f.line = line
      f.mode = mode
      f.pos = -1
      f.count = 0
      f.text = ''
    }
    this.depth++
    return f
  }

  /** Current depth (0 before the root). */
  get level(): number {
    return this.depth
  }

  /**
   * An element starts; returns its declaration (null inside xs:anyType for undeclared elements).
   * `attributes` is the tag's attribute list (an array: saxes' attribute dictionary is slow to
   * enumerate).
   */
  open(uri: string, local: string, qname: string, attributes: readonly SaxesAttributeNS[], line: number, column: number): ElementDecl | null {
    const parent = this.depth > 0 ? this.stack[this.depth - 1] : undefined
    const inLheo = uri === this.ns
    if (inLheo) this.ns = uri
    const shown = inLheo ? local : qname
    let decl: ElementDecl | null = null
    if (parent === undefined) {
      decl = inLheo ? (this.elements.get(local) ?? null) : null
      if (decl === null) this.fail(`Élément racine inattendu ${tag(shown)} ligne ${line} : ${tag('lheo')} attendu.`, shown, line, column)
    } else {
      const content = parent.content
      if (parent.mode === Mode.Sequence && content !== null && content.kind === 'sequence') {
        // The next child is nearly always the current particle again or one just after it:
        // comparing a few names is cheaper than hashing the name for the map.
        let j: number | undefined
        if (inLheo) {
          const ps = content.particles
          const from = parent.pos < 0 ? 0 : parent.pos
          const to = Math.min(ps.length, from + 3)
          for (let k = from; k < to; k++) {
            if (ps[k]?.name === local) {
              j = k
              break
            }
          }
          if (j === undefined) j = content.index.get(local)
        }
        if (j === undefined) {
          this.fail(`Élément inattendu ${tag(shown)} ligne ${line} dans ${tag(parent.name)} : attendu ${this.expectedText(parent)}.`, shown, line, column)
        }
        const p = content.particles[j]
        if (p === undefined) throw new Error('schéma compilé incohérent')
        if (j === parent.pos) {
          if (parent.count >= p.max) {
            this.fail(
              `Élément ${tag(shown)} en trop ligne ${line} dans ${tag(parent.name)} : ${p.max} au plus${this.expected(parent).names.length > 0 ? ` ; attendu ${this.expectedText(parent)}` : ''}.`,
              shown,
              line,
              column
            )
          }
          parent.count++
        } else if (j > parent.pos) {
          const cur = parent.pos >= 0 ? content.particles[parent.pos] : undefined
          if ((cur !== undefined && parent.count < cur.min) || (content.requiredAfter[parent.pos + 1] ?? 0) < j) {
            this.fail(`Élément inattendu ${tag(shown)} ligne ${line} dans ${tag(parent.name)} : attendu ${this.expectedText(parent)}.`, shown, line, column)
          }
          parent.pos = j
          parent.count = 1
        } else {
          const after = content.particles[parent.pos]?.name ?? ''
          this.fail(
            `Élément ${tag(shown)} mal placé ligne ${line} dans ${tag(parent.name)} : il doit venir avant ${tag(after)} ; attendu ${this.expectedText(parent)}.`,
            shown,
            line,
            column
          )
        }
        decl = p.decl
      } else if (parent.mode === Mode.Choice && content !== null && content.kind === 'choice') {
        const d = inLheo ? content.options.get(local) : undefined
        if (d === undefined) {
          this.fail(`Élément inattendu ${tag(shown)} ligne ${line} dans ${tag(parent.name)} : attendu ${listTags(content.optionList)}.`, shown, line, column)
        }
        if (parent.count >= content.max) this.fail(`Élément ${tag(shown)} en trop ligne ${line} dans ${tag(parent.name)}.`, shown, line, column)
        parent.count++
        decl = d
      } else if (parent.mode === Mode.Simple) {
        this.fail(`Élément inattendu ${tag(shown)} ligne ${line} dans ${tag(parent.name)}, qui ne contient que du texte.`, shown, line, column)
      } else if (parent.mode === Mode.Empty) {
        this.fail(`Élément inattendu ${tag(shown)} ligne ${line} dans ${tag(parent.name)}, qui doit rester vide.`, shown, line, column)
      } else {
        // xs:anyType: lax — LHEO elements with a declaration are validated, others are free.
        decl = inLheo ? (this.elements.get(local) ?? null) : null
      }
    }
    this.push(decl, shown, line)
    if (decl !== null && (attributes.length > 0 || decl.required.length > 0)) this.checkAttributes(decl, shown, attributes, line, column)
    return decl
  }

  private checkAttributes(decl: ElementDecl, name: string, attributes: readonly SaxesAttributeNS[], line: number, column: number): void {
    let seen = 0
    for (const a of attributes) {
      if (a.uri === XMLNS_NS) continue
      if (a.uri === XSI_NS) {
        if (a.local === 'schemaLocation' || a.local === 'noNamespaceSchemaLocation') continue
        this.fail(`Attribut ${a.name} non pris en charge sur ${tag(name)} ligne ${line}.`, name, line, column)
      }
      const attr = a.uri === '' ? decl.attributes.get(a.local) : undefined
      if (attr === undefined) {
        if (decl.anyAttribute) continue
        this.fail(`Attribut inattendu « ${a.name} » sur ${tag(name)} ligne ${line}.`, name, line, column)
      }
      if (attr.required) seen++
      if (attr.free) continue
      const problem = checkSimpleValue(attr.type, a.value)
      if (problem !== null) this.fail(`Valeur invalide pour l'attribut « ${a.name} » de ${tag(name)} ligne ${line} : ${problem}.`, name, line, column)
      if (attr.type.primitive === 'ID') {
        const id = collapse(a.value)
        if (this.ids.has(id)) this.fail(`Identifiant « ${id} » en double (attribut ${a.name} de ${tag(name)} ligne ${line}).`, name, line, column)
        this.ids.add(id)
      }
    }
    if (seen < decl.required.length) {
      const missing = decl.required.filter((r) => !attributes.some((a) => a.uri === '' && a.local === r))
      this.fail(`Attribut obligatoire « ${missing.join(', ')} » absent sur ${tag(name)} ligne ${line}.`, name, line, column)
    }
  }

  /** Character data (text or CDATA) of the current element; `line` is the parser line after it. */
  text(t: string, line: number): void {
    const f = this.stack[this.depth - 1]
    if (f === undefined) return
    if (f.mode === Mode.Simple || f.mode === Mode.Any) {
      f.text = f.text === '' ? t : f.text + t
      return
    }
    // Nearly always the indentation between two tags: a loop is cheaper than a regular expression.
    let blank = true
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i)
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13) {
        blank = false
        break
      }
    }
    if (blank) return
    const bad = NOT_WHITESPACE.exec(t)
    if (bad === null) return
    // Line where the offending text starts.
    let newlinesAfter = 0
    for (let i = bad.index; i < t.length; i++) if (t.charCodeAt(i) === 10) newlinesAfter++
    const at = line - newlinesAfter
    const snippet = collapse(t)
    const where = f.mode === Mode.Empty ? 'qui doit rester vide' : `qui ne contient que des éléments (attendu ${this.expectedText(f)})`
    this.fail(`Texte inattendu ${quote(snippet)} ligne ${at} dans ${tag(f.name)}, ${where}.`, f.name, at)
  }

  /** Closes the current element; returns its text content ('' for element-only content). */
  close(line: number): string {
    const f = this.stack[this.depth - 1]
    if (f === undefined) return ''
    const content = f.content
    if (content !== null) {
      if (content.kind === 'sequence') {
        const cur = f.pos >= 0 ? content.particles[f.pos] : undefined
        let missing: string | null = null
        if (cur && f.count < cur.min) missing = cur.name
        else {
          const k = content.requiredAfter[f.pos + 1] ?? content.particles.length
          if (k < content.particles.length) missing = content.particles[k]?.name ?? null
        }
        if (missing !== null) {
          this.fail(
            `Élément ${tag(missing)} manquant dans ${tag(f.name)} (ouvert ligne ${f.line}, fermé ligne ${line}) : attendu ${this.expectedText(f)}.`,
            f.name,
            f.line
          )
        }
      } else if (content.kind === 'choice') {
        if (f.count < content.min) this.fail(`Contenu manquant dans ${tag(f.name)} ligne ${f.line} : attendu ${listTags(content.optionList)}.`, f.name, f.line)
      } else if (content.kind === 'simple') {
        const problem = checkSimpleValue(content.type, f.text)
        if (problem !== null) this.fail(`Valeur invalide dans ${tag(f.name)} ligne ${f.line} : ${problem}.`, f.name, f.line)
      }
    }
    this.depth--
    const text = f.text
    f.text = ''
    return text
  }
}
