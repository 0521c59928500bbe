// Checking one simple value (attribute or text-only element) against its XSD simple type.
import type { SimpleType } from './schema'

export function quote(v: string): string {
  const s = v.length > 60 ? `${v.slice(0, 57)}…` : v
  return `« ${s.replace(/\n/g, '↵')} »`
}

const NEEDS_COLLAPSE = /[\t\n\r]| {2}|^ | $/

export function collapse(v: string): string {
  return NEEDS_COLLAPSE.test(v) ? v.replace(/[ \t\n\r]+/g, ' ').trim() : v
}

/** Length in characters (code points), as XSD counts. */
function charLength(v: string): number {
  let n = v.length
  if (/[\ud800-\udbff]/.test(v)) for (let i = 0; i < v.length; i++) if ((v.charCodeAt(i) & 0xfc00) === 0xd800) n--
  return n
}

const NCNAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}'
// The combining marks (U+0300–U+036F) are single code points of the XML name grammar, not combined characters.
// eslint-disable-next-line no-misleading-character-class
const NCNAME_RE = new RegExp(`^[${NCNAME_START}][${NCNAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u')
// eslint-disable-next-line no-misleading-character-class
const NMTOKEN_RE = new RegExp(`^[${NCNAME_START}:\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]+$`, 'u')
const DATETIME_RE = /^-?(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/
const DATE_RE = /^-?(\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/

function validDayOfMonth(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Returns null when the value is valid, else the French explanation (without location). */
export function checkSimpleValue(type: SimpleType, raw: string): string | null {
  const v = type.whiteSpace === 'preserve' ? raw : type.whiteSpace === 'collapse' ? collapse(raw) : raw.replace(/[\t\n\r]/g, ' ')
  switch (type.primitive) {
    case 'long':
    case 'int':
    case 'integer': {
      if (!/^[+-]?\d+$/.test(v)) return `${quote(v)} n'est pas un nombre entier`
      const n = BigInt(v)
      if ((type.minInclusive !== null && n < type.minInclusive) || (type.maxInclusive !== null && n > type.maxInclusive)) {
        return `${quote(v)} est hors des limites permises`
      }
      break
    }
    case 'decimal':
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return `${quote(v)} n'est pas un nombre décimal (point comme séparateur)`
      break
    case 'boolean':
      if (!/^(true|false|1|0)$/.test(v)) return `${quote(v)} n'est pas un booléen`
      break
    case 'dateTime': {
      const m = DATETIME_RE.exec(v)
      if (!m || !validDayOfMonth(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 24 || Number(m[5]) > 59 || Number(m[6]) > 59) {
        return `${quote(v)} n'est pas une date-heure ISO 8601 (AAAA-MM-JJThh:mm:ss)`
      }
      break
    }
    case 'date': {
      const m = DATE_RE.exec(v)
      if (!m || !validDayOfMonth(Number(m[1]), Number(m[2]), Number(m[3]))) return `${quote(v)} n'est pas une date ISO 8601 (AAAA-MM-JJ)`
      break
    }
    case 'ID':
    case 'IDREF':
    case 'NCName':
      if (!NCNAME_RE.test(v)) return `${quote(v)} n'est pas un identifiant XML valide (il doit commencer par une lettre ou « _ »)`
      break
    case 'NMTOKEN':
      if (!NMTOKEN_RE.test(v)) return `${quote(v)} n'est pas un jeton XML valide`
      break
    default:
      break
  }
  if (type.patterns.length > 0 && !type.patterns.some((p) => p.re.test(v))) {
    const source = type.patterns[0]?.source ?? ''
    if (source === '[0-9][0-9][0-9][0-9][019][0-9][01239][0-9]') return `${quote(v)} n'est pas une date LHEO AAAAMMJJ`
    return `${quote(v)} ne respecte pas le format ${type.patterns.map((p) => p.source).join(' ou ')}`
  }
  if (type.length !== null || type.minLength !== null || type.maxLength !== null) {
    // Characters ≤ UTF-16 units ≤ 2 × characters: count exactly only when it could change the verdict.
    let len = v.length
    if (type.length !== null || (type.minLength !== null && len < 2 * type.minLength) || (type.maxLength !== null && len > type.maxLength)) len = charLength(v)
    if (type.length !== null && len !== type.length) {
      return `${quote(v)} fait ${len} caractère${len > 1 ? 's' : ''}, ${type.length} attendu${type.length > 1 ? 's' : ''}`
    }
    if (type.minLength !== null && len < type.minLength) {
      return len === 0 ? `valeur vide, au moins ${type.minLength} caractère${type.minLength > 1 ? 's' : ''} attendu${type.minLength > 1 ? 's' : ''}` : `${quote(v)} fait ${len} caractère${len > 1 ? 's' : ''}, au moins ${type.minLength} attendus`
    }
    if (type.maxLength !== null && len > type.maxLength) {
      return `${quote(v)} fait ${len} caractères, ${type.maxLength} au plus`
    }
  }
  if (type.enumeration !== null && !type.enumeration.has(v)) {
    const allowed = [...type.enumeration]
    const shown = allowed.length > 25 ? `${allowed.slice(0, 25).join(', ')}…` : allowed.join(', ')
    return `${quote(v)} n'est pas une valeur permise (valeurs possibles : ${shown})`
  }
  return null
}
