import { describe, expect, it } from 'vitest'
import { decodeExtras } from '../../electron/main/import/lheo'

describe('stored LHEO extras', () => {
  it('decodes the compact form [name, attributes, text, ...children]', () => {
    const json = JSON.stringify([['extras', { info: 'eligibilite-cpf' }, null, ['extra', { info: 'branche' }, '23.61Z'], ['extra', {}, 'é « x »']]])
    expect(decodeExtras(json)).toEqual([
      {
        name: 'extras',
        attributes: { info: 'eligibilite-cpf' },
        text: null,
        children: [
          { name: 'extra', attributes: { info: 'branche' }, text: '23.61Z', children: [] },
          { name: 'extra', attributes: {}, text: 'é « x »', children: [] }
        ]
      }
    ])
  })

  it('still reads rows written in the keyed form by earlier imports', () => {
    const node = { name: 'extras', attributes: { info: 'x' }, text: null, children: [{ name: 'extra', attributes: {}, text: '1', children: [] }] }
    expect(decodeExtras(JSON.stringify([node]))).toEqual([node])
  })

  it('has no nodes for a missing value', () => {
    expect(decodeExtras(null)).toEqual([])
  })
})
