// A tiny DOM of the XSD (only xs: elements and their attributes matter).
import { SaxesParser } from 'saxes'
import { LheoError } from './errors'

export type XNode = { local: string; uri: string; attrs: Record<string, string>; children: XNode[]; ns: Record<string, string>; line: number }

export function parseXsd(text: string, file: string): XNode {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XNode[] = []
  let root: XNode | null = null
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {}
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.name] = a.value
    const parent = stack[stack.length - 1]
    const ns = { ...(parent?.ns ?? {}), ...tag.ns }
    const node: XNode = { local: tag.local, uri: tag.uri, attrs, children: [], ns, line: parser.line }
    if (parent) parent.children.push(node)
    else root = node
    stack.push(node)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('error', (e) => {
    throw new LheoError('SCHEMA', `Schéma LHEO illisible (${file}) : ${e.message}`)
  })
  parser.write(text).close()
  if (root === null) throw new LheoError('SCHEMA', `Schéma LHEO vide (${file}).`)
  return root
}
