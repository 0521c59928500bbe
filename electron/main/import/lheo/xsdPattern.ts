// XSD regular expressions → JavaScript.
/**
 * XSD patterns are implicitly anchored and have no `^` / `$` anchors (they are literal
 * characters). Multi-character escapes map to Unicode properties. Class subtraction and the
 * XML name escapes (\i, \c) are not needed by LHEO and are refused.
 */
export function xsdPatternToRegExp(pattern: string): RegExp {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? ''
    if (c === '\\') {
      const n = pattern[i + 1] ?? ''
      i++
      switch (n) {
        case 'd':
          out += '\\p{Nd}'
          break
        case 'D':
          if (inClass) throw new Error(`motif XSD non pris en charge : ${pattern}`)
          out += '\\P{Nd}'
          break
        case 's':
          out += inClass ? ' \\t\\n\\r' : '[ \\t\\n\\r]'
          break
        case 'w':
          if (inClass) throw new Error(`motif XSD non pris en charge : ${pattern}`)
          out += '[^\\p{P}\\p{Z}\\p{C}]'
          break
        case 'i':
        case 'I':
        case 'c':
        case 'C':
        case 'S':
        case 'W':
          throw new Error(`motif XSD non pris en charge : ${pattern}`)
        case 'p':
        case 'P': {
          const close = pattern.indexOf('}', i)
          const prop = pattern.slice(i + 2, close)
          if (prop.startsWith('Is')) throw new Error(`motif XSD non pris en charge : ${pattern}`)
          out += `\\${n}{${prop}}`
          i = close
          break
        }
        default:
          out += `\\${n}`
      }
      continue
    }
    if (inClass) {
      if (c === '-' && pattern[i + 1] === '[') throw new Error(`motif XSD non pris en charge : ${pattern}`)
      if (c === ']') inClass = false
      out += c
      continue
    }
    if (c === '[') {
      inClass = true
      out += c
      continue
    }
    if (c === '^' || c === '$') {
      out += `\\${c}`
      continue
    }
    out += c
  }
  return new RegExp(`^(?:${out})$`, 'u')
}

// ---------------------------------------------------------------------------------------------
// Compilation.
