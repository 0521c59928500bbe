/**
 * LHEO free-text fields (objectif-formation, contenu-formation, resultats-attendus,
 * conditions-specifiques…) arrive three ways: plain text with line breaks (Intercarif),
 * HTML escaped as text (`&lt;p&gt;`, ONISEP) or HTML in CDATA (EDOF). After the XML parser
 * has decoded the XML layer, both HTML forms look the same: a string with tags.
 *
 * Output: plain text, paragraphs separated by one blank line, list items as "• " lines,
 * spaces collapsed, lines trimmed. Only known HTML tag names are treated as tags, so
 * "niveau <bac+2>" or "a < b" in a plain text survive.
 */

const HTML_TAGS = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'big', 'blockquote', 'body', 'br', 'caption', 'center', 'cite',
  'code', 'col', 'colgroup', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'img', 'ins', 'kbd', 'label', 'li', 'main',
  'mark', 'nav', 'o:p', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul'
])

/** Tags that end a paragraph. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'div', 'dl', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul'
])

/** Tags that end a line. */
const LINE_TAGS = new Set(['br', 'tr', 'dt', 'dd', 'caption', 'figcaption'])

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*(?::[a-zA-Z]+)?)(?:\s[^<>]*)?\/?>/g
const DROP_BLOCKS_RE = /<(script|style|head)\b[^<>]*>[\s\S]*?<\/\1\s*>/gi
const COMMENT_RE = /<!--[\s\S]*?-->/g

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Euml: 'Ë',
  agrave: 'à', aacute: 'á', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Auml: 'Ä',
  ccedil: 'ç', Ccedil: 'Ç', icirc: 'î', iuml: 'ï', iacute: 'í', igrave: 'ì', Icirc: 'Î', Iuml: 'Ï',
  ocirc: 'ô', ouml: 'ö', oacute: 'ó', ograve: 'ò', otilde: 'õ', oslash: 'ø', Ocirc: 'Ô', Ouml: 'Ö',
  ugrave: 'ù', ucirc: 'û', uuml: 'ü', uacute: 'ú', Ugrave: 'Ù', Ucirc: 'Û', Uuml: 'Ü',
  yuml: 'ÿ', Yuml: 'Ÿ', ntilde: 'ñ', Ntilde: 'Ñ', oelig: 'œ', OElig: 'Œ', aelig: 'æ', AElig: 'Æ', szlig: 'ß',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', ndash: '–', mdash: '—', bull: '•', middot: '·', deg: '°', euro: '€', pound: '£', cent: '¢', yen: '¥',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', micro: 'µ',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º',
  iexcl: '¡', iquest: '¿', rarr: '→', larr: '←', harr: '↔', rArr: '⇒', check: '✓',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '', rlm: ''
}

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g

function codePointOrKeep(cp: number, whole: string): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole
  return String.fromCodePoint(cp)
}

/** Decodes HTML character references; unknown names are left as written. */
export function decodeHtmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY_RE, (whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return codePointOrKeep(Number.parseInt(dec, 10), whole)
    if (hex !== undefined) return codePointOrKeep(Number.parseInt(hex, 16), whole)
    if (name !== undefined && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) return NAMED_ENTITIES[name] ?? whole
    return whole
  })
}

/** True when the string holds at least one known HTML tag. */
export function looksLikeHtml(s: string): boolean {
  if (s.indexOf('<') < 0) return false
  TAG_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TAG_RE.exec(s)) !== null) {
    if (HTML_TAGS.has((m[2] ?? '').toLowerCase())) return true
  }
  return false
}

const DROP_TEST_RE = /<(?:script|style|head)\b/i

function htmlToLines(s: string): string {
  let html = s
  if (html.includes('<!--')) html = html.replace(COMMENT_RE, '')
  if (DROP_TEST_RE.test(html)) html = html.replace(DROP_BLOCKS_RE, ' ')
  // In HTML, source line breaks are spaces.
  const flat = html.replace(/[ \t\r\n\f\v]+/g, ' ')
  return flat.replace(TAG_RE, (whole: string, slash: string, rawName: string) => {
    const name = rawName.toLowerCase()
    if (!HTML_TAGS.has(name)) return whole
    const closing = slash === '/'
    // A closing </li> adds nothing: the next <li> or the end of the list breaks the line.
    if (name === 'li') return closing ? '' : '\n• '
    if (BLOCK_TAGS.has(name)) return '\n\n'
    if (LINE_TAGS.has(name)) return '\n'
    if (name === 'td' || name === 'th') return closing ? ' ' : ''
    return ''
  })
}

const INVISIBLE_RE = /[\u00ad\u200b\ufeff]/
const INVISIBLE_G = /[\u00ad\u200b\ufeff]/g

/** Placeholders producers put in mandatory text fields. */
export function isPlaceholder(s: string): boolean {
  return /^[\s\-–—_.•·*]*$/.test(s)
}

/**
 * Rich LHEO text → clean plain text, or null when nothing (or only a placeholder like "-")
 * is left.
 */
export function richTextToPlain(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null
  let s = looksLikeHtml(input) ? htmlToLines(input) : input.indexOf('\r') >= 0 ? input.replace(/\r\n?/g, '\n') : input
  s = decodeHtmlEntities(s)
  if (INVISIBLE_RE.test(s)) s = s.replace(INVISIBLE_G, '')
  // Spaces are collapsed once for the whole text; lines are then only trimmed.
  s = s.replace(/[ \t\f\v]{2,}|[\t\f\v]/g, ' ')
  const out: string[] = []
  let blank = false
  let lastWasBullet = false
  // A bullet left alone on its line (<li><p>text</p></li>) is glued to the next text line.
  let bullet: { afterBlank: boolean } | null = null
  for (const rawLine of s.split('\n')) {
    // trim() also removes no-break spaces at the ends; inner ones are kept (French typography).
    const line = rawLine.trim()
    if (line === '•') {
      bullet ??= { afterBlank: blank }
      blank = false
      continue
    }
    if (line === '') {
      blank = true
      continue
    }
    const isBullet = bullet !== null || line.startsWith('• ')
    // Items of one list stay on consecutive lines; elsewhere a blank line makes a paragraph.
    const paragraphBreak = isBullet && lastWasBullet ? false : bullet === null ? blank : bullet.afterBlank || blank
    if (out.length > 0) out.push(paragraphBreak ? '\n\n' : '\n')
    out.push(bullet !== null && !line.startsWith('•') ? `• ${line}` : line)
    lastWasBullet = isBullet
    blank = false
    bullet = null
  }
  const text = out.join('')
  return text === '' || isPlaceholder(text) ? null : text
}

/** One-line text (titles, names, codes): trimmed, inner white space collapsed; placeholders → null. */
export function cleanLine(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null
  let s = input.trim()
  if (/[\t\r\n]| {2}/.test(s)) s = s.replace(/[ \t\r\n]+/g, ' ')
  return s === '' || isPlaceholder(s) ? null : s
}
