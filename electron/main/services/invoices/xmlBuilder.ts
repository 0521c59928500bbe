/*
 * A tiny typed XML tree and its serialiser: enough for the CII of Factur-X (elements, attributes,
 * text), with escaping in one place. A node with an undefined or empty optional value is dropped,
 * so the CII builder reads like the document it describes.
 */

export type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string | null }

type Child = XmlNode | null | undefined | false

export function el(name: string, attrs: Record<string, string | undefined> = {}, children: Child[] | string = []): XmlNode {
  const clean: Record<string, string> = {}
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = v
  if (typeof children === 'string') return { name, attrs: clean, children: [], text: children }
  return { name, attrs: clean, children: children.filter((c): c is XmlNode => !!c), text: null }
}

/** An element holding text, or nothing when the value is missing or blank. */
export function textEl(name: string, value: string | null | undefined, attrs: Record<string, string | undefined> = {}): XmlNode | null {
  if (value === null || value === undefined || value.trim() === '') return null
  return el(name, attrs, value)
}

/** An element whose children are all optional: dropped when none is left. */
export function groupEl(name: string, children: Child[]): XmlNode | null {
  const node = el(name, {}, children)
  return node.children.length > 0 ? node : null
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
// Characters XML 1.0 forbids (control characters other than tab, newline, return) are removed.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeXml(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth)
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')
  if (node.text !== null) {
    out.push(`${pad}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`)
  } else if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>`)
  } else {
    out.push(`${pad}<${node.name}${attrs}>`)
    for (const c of node.children) write(c, depth + 1, out)
    out.push(`${pad}</${node.name}>`)
  }
}

/** UTF-8 XML document text, two-space indented, ending with a newline. */
export function serialiseXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  write(root, 0, out)
  return `${out.join('\n')}\n`
}
