import type { CompactExtraNode, ExtraNode, ExtrasJson } from './types'

/**
 * The nodes of stored extras. Also reads the keyed form (`{ name, attributes, text, children }`)
 * that the first imports wrote, so rows imported before the compact form stay readable.
 */
export function decodeExtras(json: ExtrasJson | undefined): ExtraNode[] {
  if (!json) return []
  const nodes = JSON.parse(json) as (CompactExtraNode | ExtraNode)[]
  return nodes.map(toNode)
}

function toNode(n: CompactExtraNode | ExtraNode): ExtraNode {
  if (!Array.isArray(n)) return { name: n.name, attributes: n.attributes, text: n.text, children: n.children.map(toNode) }
  const [name, attributes, text, ...children] = n
  return { name, attributes, text, children: children.map(toNode) }
}
