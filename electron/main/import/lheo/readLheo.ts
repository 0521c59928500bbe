import { createReadStream } from 'node:fs'
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes'
import { decodeChunks, type DecodeState } from './decodeStream'
import { LheoError, abortError } from './errors'
import { LheoExtractor } from './extract'
import { extractorCodes } from './extractElements'
import { LHEO_NAMESPACES, loadLheoSchema } from './schema'
import type { LheoFormation, LheoVersion, LheoWarning, ReadLheoOptions, ReadSummary } from './types'
import { StreamValidator } from './validator'

/*
 * Streaming LHEO reader: bytes → decoded text (encoding from BOM / XML declaration) → saxes →
 * validator (schema of the file's version) → extractor → onFormation, one formation at a time.
 * Nothing is kept once a formation has been handed over.
 */

const SAXES_OPTIONS = { xmlns: true, position: true } as const
type Parser = SaxesParser<typeof SAXES_OPTIONS>

export const READ_CHUNK_BYTES = 256 * 1024
const DEFAULT_MAX_WARNINGS = 1000

const EDOF_NAMESPACE = /moncompteformation/i

// ---------------------------------------------------------------------------------------------
// XML errors

function translateSaxes(message: string): string {
  const m = /^(?:\d+:\d+: )?(.*)$/s.exec(message)
  const raw = (m?.[1] ?? message).trim()
  const rules: [RegExp, (g: RegExpExecArray) => string][] = [
    [/^text data outside of root node\.$/, () => 'du texte se trouve en dehors de l’élément racine'],
    [/^unclosed tag: (.*)$/, (g) => `la balise <${g[1] ?? ''}> n'est jamais fermée, le fichier semble incomplet`],
    [/^unmatched closing tag: (.*)\.$/, (g) => `balise fermante </${g[1] ?? ''}> sans balise ouvrante correspondante`],
    [/^unexpected close tag\.$/, () => 'balise fermante inattendue'],
    [/^undefined entity\.$/, () => 'entité inconnue (en XML seules &amp; &lt; &gt; &quot; &apos; et les références numériques &#…; existent ; &nbsp; ou &eacute; sont du HTML)'],
    [/^disallowed character\.$/, () => 'caractère interdit en XML'],
    [/^document must contain a root element\.$/, () => 'aucun élément XML'],
    [/^documents may contain only one root\.$/, () => 'plusieurs éléments racines'],
    [/^duplicate attribute: (.*)\.$/, (g) => `attribut ${g[1] ?? ''} en double`],
    [/^unbound namespace prefix: (.*)\.$/, (g) => `préfixe d'espace de noms ${g[1] ?? ''} non déclaré`],
    [/^unquoted attribute value\.$|^value must be quoted\.$/, () => "valeur d'attribut sans guillemets"],
    [/^attribute without value\.$/, () => 'attribut sans valeur'],
    [/^malformed comment\.$/, () => 'commentaire mal formé'],
    [/^the string "\]\]>" is disallowed in char data\.$/, () => 'la séquence « ]]> » est interdite dans le texte'],
    [/^disallowed character in (tag name|closing tag|attribute name).*$/, () => 'caractère interdit dans un nom de balise ou d’attribut'],
    [/^XML declaration/, () => "déclaration <?xml …?> incomplète ou mal formée"],
    [/^(an|the) XML declaration must (appear|be) at the start of the document\.$/, () => 'la déclaration <?xml …?> doit être tout au début du fichier'],
    [/^unexpected end\.$/, () => 'fin de fichier inattendue, le fichier semble incomplet']
  ]
  for (const [re, fmt] of rules) {
    const g = re.exec(raw)
    if (g) return fmt(g)
  }
  return raw
}

// ---------------------------------------------------------------------------------------------
// Root element → version

function detectVersion(tag: SaxesTagNS, line: number): LheoVersion {
  const { uri, local } = tag
  if (EDOF_NAMESPACE.test(uri)) {
    throw new LheoError(
      'EDOF',
      `Ce fichier est au format EDOF (Mon Compte Formation, espace de noms « ${uri} ») : c'est un catalogue destiné à la Caisse des Dépôts, pas un catalogue LHEO CARIF-OREF. Importez l'export LHEO de votre CARIF-OREF.`,
      { element: local, line }
    )
  }
  for (const v of ['2.2', '2.3'] as const) {
    if (uri === LHEO_NAMESPACES[v]) {
      if (local !== 'lheo') {
        throw new LheoError('NOT_LHEO', `Le fichier n'est pas un catalogue LHEO complet : il commence par <${local}> au lieu de <lheo> (ligne ${line}).`, { element: local, line })
      }
      return v
    }
  }
  if (local === 'lheo' || local === 'offre-formation' || local === 'offres' || /lheo/i.test(uri)) {
    const num = /(\d+(?:\.\d+)+)\/?$/.exec(uri)?.[1]
    const which = num ?? (uri === '' ? 'sans espace de noms' : uri)
    throw new LheoError(
      'UNSUPPORTED_VERSION',
      `Version LHEO non prise en charge (${which}) : version 2.2 ou 2.3 attendue (espace de noms ${LHEO_NAMESPACES['2.2']} ou ${LHEO_NAMESPACES['2.3']}). Demandez à votre CARIF-OREF un export LHEO récent.`,
      { element: local, line }
    )
  }
  throw new LheoError(
    'NOT_LHEO',
    `Le fichier n'est pas un catalogue LHEO : l'élément racine est <${tag.name}>${uri === '' ? '' : ` (espace de noms « ${uri} »)`}, <lheo> attendu.`,
    { element: tag.name, line }
  )
}

// ---------------------------------------------------------------------------------------------
// The reader

/**
 * Reads an LHEO 2.2 / 2.3 catalogue as a stream, validating it against the schema of its
 * version, and hands over each formation as soon as it is complete.
 * Rejects with an LheoError (see its `code`) when the file is refused or the signal fires;
 * an error thrown by `onFormation` is passed through unchanged.
 */
export async function readLheo(source: AsyncIterable<Uint8Array>, options: ReadLheoOptions): Promise<ReadSummary> {
  const { onFormation, onProgress, onWarning, signal } = options
  const maxWarnings = options.maxWarnings ?? DEFAULT_MAX_WARNINGS
  if (signal?.aborted) throw abortError()

  const parser: Parser = new SaxesParser(SAXES_OPTIONS)
  const state: DecodeState = { encoding: null, bytesRead: 0 }
  const warnings: LheoWarning[] = []
  let warningCount = 0
  const warn = (w: LheoWarning): void => {
    warningCount++
    if (warnings.length < maxWarnings) warnings.push(w)
    onWarning?.(w)
  }
  const pending: LheoFormation[] = []
  const extractor = new LheoExtractor((f) => pending.push(f), warn)

  // In an object: TypeScript does not see assignments made inside the parser callbacks.
  const doc: { version: LheoVersion | null; namespace: string; validator: StreamValidator | null } = { version: null, namespace: '', validator: null }

  // Attributes of the tag being read, as a list: saxes gives them as a dictionary object, slow to
  // enumerate. These are the objects saxes completes (namespace uri) before 'opentag'.
  let attributes: SaxesAttributeNS[] = []
  const NO_ATTRIBUTES: SaxesAttributeNS[] = []
  parser.on('attribute', (a) => {
    if (attributes === NO_ATTRIBUTES) attributes = []
    attributes.push(a as SaxesAttributeNS)
  })
  let codes: Int32Array = new Int32Array(0)
  parser.on('opentag', (tag) => {
    const line = parser.line
    const attrs = attributes
    attributes = NO_ATTRIBUTES
    let validator = doc.validator
    if (validator === null) {
      const version = detectVersion(tag, line)
      doc.version = version
      doc.namespace = tag.uri
      const schema = loadLheoSchema(version, options.schemaDir)
      codes = extractorCodes(schema)
      validator = new StreamValidator(schema)
      doc.validator = validator
    }
    const decl = validator.open(tag.uri, tag.local, tag.name, attrs, line, parser.column)
    extractor.open(decl === null ? 0 : (codes[decl.index] ?? 0), tag.uri === doc.namespace ? tag.local : tag.name, attrs, line)
  })
  parser.on('text', (t) => {
    doc.validator?.text(t, parser.line)
  })
  parser.on('cdata', (t) => {
    doc.validator?.text(t, parser.line)
  })
  parser.on('closetag', () => {
    const validator = doc.validator
    if (validator === null) return
    const line = parser.line
    extractor.close(validator.close(line), line)
  })
  parser.on('error', (e) => {
    const line = parser.line
    const column = parser.column
    throw new LheoError('NOT_XML', `Le fichier n'est pas un XML valide : ${translateSaxes(e.message)} (ligne ${line}).`, { line, column })
  })

  const drain = async (): Promise<void> => {
    while (pending.length > 0) {
      const f = pending.shift()
      if (f === undefined) break
      const r = onFormation(f)
      if (r !== undefined) await r
      if (signal?.aborted) throw abortError()
    }
  }

  for await (const text of decodeChunks(source, state, signal, () => parser.line)) {
    parser.write(text)
    await drain()
    onProgress?.(state.bytesRead)
  }
  parser.close()
  await drain()
  if (signal?.aborted) throw abortError()

  const { version, namespace } = doc
  if (version === null || state.encoding === null) {
    throw new LheoError('NOT_XML', "Le fichier n'est pas un XML valide : aucun élément XML.")
  }
  return {
    version,
    namespace,
    encoding: state.encoding.name,
    formations: extractor.formations,
    actions: extractor.actions,
    sessions: extractor.sessions,
    warnings,
    warningCount,
    bytesRead: state.bytesRead
  }
}

function fileSource(path: string): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })
      try {
        for await (const chunk of stream) yield chunk as Uint8Array
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        const why = code === 'ENOENT' ? 'fichier introuvable' : code === 'EACCES' || code === 'EPERM' ? 'accès refusé' : code === 'EISDIR' ? "c'est un dossier" : e instanceof Error ? e.message : String(e)
        throw new LheoError('READ', `Lecture du fichier impossible (${why}) : ${path}`)
      } finally {
        stream.destroy()
      }
    }
  }
}

/** `readLheo` over a file read in chunks of 256 KiB. */
export function readLheoFile(path: string, options: ReadLheoOptions): Promise<ReadSummary> {
  return readLheo(fileSource(path), options)
}

/**
 * Benchmark baseline: the same byte decoding and the same saxes options as `readLheo`, with the
 * same events delivered to handlers that do nothing (no validation, no extraction). Without a
 * text handler saxes would skip building the text of the document, which is not a full parse.
 */
export async function bareParse(source: AsyncIterable<Uint8Array> | string): Promise<{ elements: number; bytes: number; textChars: number }> {
  const parser: Parser = new SaxesParser(SAXES_OPTIONS)
  let elements = 0
  let textChars = 0
  parser.on('opentag', () => {
    elements++
  })
  parser.on('closetag', () => undefined)
  parser.on('text', (t) => {
    textChars += t.length
  })
  parser.on('cdata', (t) => {
    textChars += t.length
  })
  parser.on('error', (e) => {
    throw e
  })
  const state: DecodeState = { encoding: null, bytesRead: 0 }
  const input = typeof source === 'string' ? fileSource(source) : source
  for await (const text of decodeChunks(input, state, undefined, () => parser.line)) parser.write(text)
  parser.close()
  return { elements, bytes: state.bytesRead, textChars }
}
