import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectEncoding, lheoDate, loadLheoSchema, parseLheoDate, readLheo, richTextToPlain, type LheoFormation } from '../../electron/main/import/lheo'
import { certificationLevel, parseEuroCents } from '../../electron/main/import/lheo/extractValues'
import { cleanLine, decodeHtmlEntities } from '../../electron/main/import/lheo/richText'
import { xsdPatternToRegExp } from '../../electron/main/import/lheo/xsdPattern'
import { checkSimpleValue } from '../../electron/main/import/lheo/checkSimpleValue'
import { CENTRE, NORMANDIE, ONISEP, XSD_DIR, readAll, readText, rejection, tempDir, xmllintValid, type TempDir } from './lheoHelpers'

let tmp: TempDir
beforeAll(() => {
  tmp = tempDir()
})
afterAll(() => tmp.cleanup())

describe('lheoDate', () => {
  it('reads full, partial, unknown and open dates', () => {
    expect(lheoDate('20240315', 'start')).toEqual({ iso: '2024-03-15', precision: 'day', raw: '20240315' })
    expect(lheoDate('20240200', 'start')).toEqual({ iso: '2024-02-01', precision: 'month', raw: '20240200' })
    expect(lheoDate('20240200', 'end')).toEqual({ iso: '2024-02-29', precision: 'month', raw: '20240200' })
    expect(lheoDate('20230200', 'end').iso).toBe('2023-02-28')
    expect(lheoDate('20241100', 'end').iso).toBe('2024-11-30')
    expect(lheoDate('20240000', 'start')).toEqual({ iso: '2024-01-01', precision: 'year', raw: '20240000' })
    expect(lheoDate('20240000', 'end')).toEqual({ iso: '2024-12-31', precision: 'year', raw: '20240000' })
    expect(lheoDate('00000000', 'start')).toEqual({ iso: null, precision: 'unknown', raw: '00000000' })
    expect(lheoDate('99999999', 'end')).toEqual({ iso: null, precision: 'open', raw: '99999999' })
    expect(lheoDate(' 20240315 ', 'start').iso).toBe('2024-03-15')
  })

  it('treats impossible dates as unknown and says so', () => {
    for (const raw of ['20230231', '20231301', '20230015', '00000101', '2023-01-01', '', '2023013']) {
      const p = parseLheoDate(raw, 'start')
      expect(p.date).toEqual({ iso: null, precision: 'unknown', raw: raw.trim() })
      expect(p.problem).toBe('invalid')
    }
    expect(parseLheoDate('20240229', 'start').problem).toBeNull()
    expect(parseLheoDate('20240200', 'start').problem).toBe('month')
    expect(parseLheoDate('00000000', 'start').problem).toBe('unknown')
    expect(parseLheoDate('99999999', 'start').problem).toBeNull()
  })
})

describe('richTextToPlain', () => {
  it('turns HTML into paragraphs and bullets', () => {
    expect(richTextToPlain('<p>Un</p><p>Deux <b>gras</b></p>')).toBe('Un\n\nDeux gras')
    expect(richTextToPlain('<p>Intro :</p><ul><li>a</li><li>b</li></ul><p>Fin</p>')).toBe('Intro :\n\n• a\n• b\n\nFin')
    expect(richTextToPlain('Ligne 1<br>Ligne 2<br/>Ligne 3')).toBe('Ligne 1\nLigne 2\nLigne 3')
    expect(richTextToPlain('<ul><li><p>dans un paragraphe</p></li><li>simple</li></ul>')).toBe('• dans un paragraphe\n• simple')
    expect(richTextToPlain('<P STYLE="x">Majuscules</P><DIV>bloc</DIV>')).toBe('Majuscules\n\nbloc')
    expect(richTextToPlain('<p>a</p>\n\n   \n<p>b</p>')).toBe('a\n\nb')
  })

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(richTextToPlain('<p>Acc&egrave;s &amp; s&eacute;curit&eacute;&nbsp;: 5&#8239;%</p>')).toBe('Accès & sécurité\u00a0: 5\u202f%')
    expect(richTextToPlain('<p>&lt;b&gt; reste visible</p>')).toBe('<b> reste visible')
    expect(richTextToPlain('<p>&#x2022; puce &unknown; &#0;</p>')).toBe('• puce &unknown; &#0;')
    expect(decodeHtmlEntities('R&D et l&rsquo;&eacute;t&eacute;')).toBe('R&D et l’été')
  })

  it('leaves plain text alone apart from spaces and line breaks', () => {
    expect(richTextToPlain('  Niveau <bac+2> requis, a < b  ')).toBe('Niveau <bac+2> requis, a < b')
    expect(richTextToPlain('Ligne 1\nLigne 2\n\n\n\nParagraphe   suivant\t!')).toBe('Ligne 1\nLigne 2\n\nParagraphe suivant !')
    expect(richTextToPlain('a\r\nb')).toBe('a\nb')
  })

  it('drops comments, scripts, styles and MS Office leftovers', () => {
    expect(richTextToPlain('<!-- x --><style>p{color:red}</style><p>Texte<o:p></o:p></p><script>alert(1)</script>')).toBe('Texte')
  })

  it('gives null for placeholders and empty text', () => {
    for (const v of [null, undefined, '', '   ', '-', ' - ', '--', '.', '<p>-</p>', '<p></p>']) expect(richTextToPlain(v)).toBeNull()
    expect(cleanLine('  Titre   sur\n deux lignes ')).toBe('Titre sur deux lignes')
    expect(cleanLine('-')).toBeNull()
  })
})

describe('numbers and codes', () => {
  it('reads prices in cents', () => {
    expect(parseEuroCents('1500')).toBe(150000)
    expect(parseEuroCents('1500.5')).toBe(150050)
    expect(parseEuroCents('1 500,05 €')).toBe(150005)
    expect(parseEuroCents('12,3')).toBe(1230)
    for (const bad of ['', 'gratuit', '1.500.00', '12.345', '-5', '1,2,3']) expect(parseEuroCents(bad)).toBeNull()
  })

  it('maps exit levels to the 2019 nomenclature', () => {
    expect([11, 13, 18].map((n) => certificationLevel(String(n)))).toEqual([1, 3, 8])
    expect(['4', '5', '6', '7', '8'].map(certificationLevel)).toEqual([3, 4, 5, 6, 7])
    expect(['0', '1', '2', '3', null].map(certificationLevel)).toEqual([null, null, null, null, null])
  })

  it('imports what the schema accepts but the tables or checks do not, with a warning', async () => {
    const xml = readText(NORMANDIE)
      .replace('<code-financeur>0</code-financeur>', '<code-financeur>1</code-financeur>') // "Code(s) obsolète(s)"
      .replace('<SIRET>79932975000043</SIRET>', '<SIRET>79932975000044</SIRET>') // bad Luhn key
      .replace('<objectif-general-formation>2</objectif-general-formation>', '<objectif-general-formation>1</objectif-general-formation>')
    const file = tmp.write('warnings.xml', xml)
    expect(xmllintValid(file, '2.2')).toBe(true)
    const { formations, summary } = await readAll(file)
    const a = formations[0]?.actions[0]
    expect(a?.funders.at(-1)).toMatchObject({ code: '1', label: null })
    expect(a?.trainerOrg?.siret).toBe('79932975000044')
    expect(formations[0]?.objectiveCode).toBe(1)
    expect(summary.warnings.map((w) => w.element)).toEqual(['objectif-general-formation', 'SIRET-formateur', 'code-financeur'])
    expect(summary.warnings[1]?.message).toMatch(/^Le SIRET 799 329 750 00044 n'est pas valide \(clé de contrôle incorrecte\)/)
    expect(summary.warnings[2]?.message).toMatch(/^Code financeur « 1 » marqué obsolète/)
  })

  it('reads prices from a file', async () => {
    const xml = readText(NORMANDIE).replace('<duree-indicative>', '<prix-horaire-TTC>12,50</prix-horaire-TTC>\n<prix-total-TTC>500.00</prix-total-TTC>\n<duree-indicative>')
    const file = tmp.write('prices.xml', xml)
    expect(xmllintValid(file, '2.2')).toBe(true)
    const { formations } = await readAll(file)
    expect(formations[0]?.actions[0]?.priceHourlyCents).toBe(1250)
    expect(formations[0]?.actions[0]?.priceTotalCents).toBe(50000)
  })
})

describe('encoding detection', () => {
  const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1')
  it('follows the BOM, then the declaration, else UTF-8', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c])).name).toBe('UTF-8')
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])).name).toBe('UTF-16LE')
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x3c])).name).toBe('UTF-16BE')
    expect(detectEncoding(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')).name).toBe('ISO-8859-1')
    expect(detectEncoding(bytes("<?xml version='1.0' encoding='latin1' ?>")).name).toBe('ISO-8859-1')
    expect(detectEncoding(bytes('<?xml version="1.0" encoding="Windows-1252"?>')).name).toBe('windows-1252')
    expect(detectEncoding(bytes('<?xml version="1.0" encoding="utf-8"?>')).name).toBe('UTF-8')
    expect(detectEncoding(bytes('<?xml version="1.0"?><lheo/>')).name).toBe('UTF-8')
    expect(detectEncoding(bytes('<lheo encoding="ISO-8859-1"/>')).name).toBe('UTF-8')
  })

  it('refuses an encoding it cannot decode', async () => {
    const file = tmp.write('ebcdic.xml', '<?xml version="1.0" encoding="EBCDIC-CP-FR"?><lheo/>')
    const e = await rejection(readAll(file))
    expect(e.code).toBe('ENCODING')
    expect(e.message).toContain('EBCDIC-CP-FR')
  })
})

describe('schema compilation', () => {
  it('compiles both schemas into content models', () => {
    for (const version of ['2.2', '2.3'] as const) {
      const schema = loadLheoSchema(version, XSD_DIR)
      expect(loadLheoSchema(version, XSD_DIR)).toBe(schema) // cached
      const formation = schema.elements.get('formation')
      expect(formation?.content.kind).toBe('sequence')
      if (formation?.content.kind !== 'sequence') return
      expect(formation.content.particles.slice(0, 2).map((p) => [p.name, p.min, p.max])).toEqual([
        ['domaine-formation', 1, 1],
        ['intitule-formation', 1, 1]
      ])
      expect(formation.content.particles.find((p) => p.name === 'action')?.max).toBe(Number.POSITIVE_INFINITY)
      expect(schema.elements.get('extras')?.content.kind).toBe('choice')
      expect(schema.elements.get('extra')?.content.kind).toBe('any')
      expect(schema.elements.get('extra')?.anyAttribute).toBe(true)
      const siret = schema.elements.get('SIRET')?.content
      expect(siret?.kind === 'simple' && [siret.type.minLength, siret.type.maxLength]).toEqual([14, 14])
      const financeur = schema.elements.get('code-financeur')?.content
      expect(financeur?.kind === 'simple' && financeur.type.enumeration?.has('16')).toBe(true)
      expect(formation.attributes.has('numero')).toBe(true)
    }
    expect(loadLheoSchema('2.3', XSD_DIR).elements.has('code-RS')).toBe(true)
    expect(loadLheoSchema('2.2', XSD_DIR).elements.has('code-RS')).toBe(false)
  })

  it('translates XSD patterns (implicitly anchored, ^ and $ literal)', () => {
    const date = xsdPatternToRegExp('[0-9][0-9][0-9][0-9][019][0-9][01239][0-9]')
    expect(date.test('20240315')).toBe(true)
    expect(date.test('x20240315')).toBe(false)
    expect(date.test('20245315')).toBe(false)
    expect(xsdPatternToRegExp('a^b$').test('a^b$')).toBe(true)
    expect(xsdPatternToRegExp('\\d{2}').test('٣٤')).toBe(true) // XSD \d is any Unicode digit
    expect(() => xsdPatternToRegExp('\\i\\c*')).toThrow()
  })

  it('checks simple values as XSD does', () => {
    const schema = loadLheoSchema('2.2', XSD_DIR)
    const type = (name: string) => {
      const c = schema.elements.get(name)?.content
      if (c?.kind !== 'simple') throw new Error(name)
      return c.type
    }
    expect(checkSimpleValue(type('SIRET'), '82422814201874')).toBeNull()
    expect(checkSimpleValue(type('SIRET'), ' 82422814201874')).toMatch(/15 caractères/) // xs:string keeps spaces
    expect(checkSimpleValue(type('certifiante'), ' 1 ')).toBeNull() // xs:token collapses
    expect(checkSimpleValue(type('certifiante'), '2')).toMatch(/valeurs possibles : 0, 1/)
    expect(checkSimpleValue(type('nombre-heures-total'), '+40')).toBeNull()
    expect(checkSimpleValue(type('nombre-heures-total'), '40.5')).toMatch(/nombre entier/)
    expect(checkSimpleValue(type('nombre-heures-total'), '9223372036854775808')).toMatch(/hors des limites/)
    expect(checkSimpleValue(type('debut'), '2024-03-15')).toMatch(/date LHEO AAAAMMJJ/)
    expect(checkSimpleValue(type('intitule-formation'), '')).toMatch(/valeur vide/)
    expect(checkSimpleValue(type('intitule-formation'), '😀'.repeat(255))).toBeNull() // characters, not UTF-16 units
    expect(checkSimpleValue(type('intitule-formation'), 'é'.repeat(256))).toMatch(/256 caractères, 255 au plus/)
  })
})

describe('validation agrees with xmllint', () => {
  const cases: [string, (xml: string) => string][] = [
    ['missing required child', (x) => x.replace(/<intitule-formation>[^<]*<\/intitule-formation>/, '')],
    ['wrong order', (x) => x.replace(/(<intitule-formation>[^<]*<\/intitule-formation>)\s*(<objectif-formation>[\s\S]*?<\/objectif-formation>)/, '$2$1')],
    ['too many', (x) => x.replace(/(<code-NSF>233<\/code-NSF>)/, '$1<code-NSF>234</code-NSF><code-NSF>235</code-NSF><code-NSF>236</code-NSF>')],
    ['unknown element', (x) => x.replace('<certifiante>', '<bogus/><certifiante>')],
    ['text in element-only content', (x) => x.replace('<domaine-formation>', '<domaine-formation>texte')],
    ['element in text-only content', (x) => x.replace('<intitule-formation>', '<intitule-formation><b/>')],
    ['undeclared attribute', (x) => x.replace('<action numero=', '<action bogus="1" numero=')],
    ['bad xs:ID', (x) => x.replace('<action numero=', '<action id="1a" numero=')],
    ['duplicate xs:ID', (x) => x.replace('<action numero=', '<action id="a1" numero=').replace('<session numero=', '<session id="a1" numero=')],
    ['bad xs:dateTime (2.3 attribute)', (x) => x.replace('http://www.lheo.org/2.2', 'http://lheo.gouv.fr/2.3').replace('<action numero=', '<action horodatage-creation="2023-02-30T10:00:00" numero=')],
    ['good xs:dateTime (2.3 attribute)', (x) => x.replace('http://www.lheo.org/2.2', 'http://lheo.gouv.fr/2.3').replace('<action numero=', '<action horodatage-creation="2023-02-28T10:00:00Z" numero=')],
    ['enumeration', (x) => x.replace('<etat-recrutement>1</etat-recrutement>', '<etat-recrutement>4</etat-recrutement>')],
    ['date pattern', (x) => x.replace('<debut>20171204</debut>', '<debut>2017-12-04</debut>')],
    ['anything inside extra', (x) => x.replace('<extra info="session-perimee">0</extra>', '<extra info="x" autre="y">a<b xmlns="urn:x"><c/></b>z</extra>')],
    ['LHEO element inside extra is validated (lax)', (x) => x.replace('<extra info="session-perimee">0</extra>', '<extra><intitule-formation></intitule-formation></extra>')],
    ['foreign element outside extra', (x) => x.replace('<certifiante>', '<x:y xmlns:x="urn:x"/><certifiante>')],
    ['xsi:schemaLocation allowed', (x) => x.replace('<lheo xmlns="http://www.lheo.org/2.2">', '<lheo xmlns="http://www.lheo.org/2.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.lheo.org/2.2 lheo.xsd">')],
    ['comments and PIs anywhere', (x) => x.replace('<domaine-formation>', '<domaine-formation><!-- c --><?pi x?>').replace('<intitule-formation>', '<intitule-formation><!-- c -->')],
    ['CDATA text', (x) => x.replace('Titre professionnel plaquiste', '<![CDATA[Titre <b>professionnel</b>]]> plaquiste')],
    ['empty offres', (x) => x.replace(/<offres>[\s\S]*<\/offres>/, '<offres></offres>')]
  ]

  it.each(cases)('%s', async (_name, mutate) => {
    const xml = mutate(readText(CENTRE))
    expect(xml).not.toBe(readText(CENTRE))
    const file = tmp.write('case.xml', xml)
    const version = xml.includes('http://lheo.gouv.fr/2.3') ? '2.3' : '2.2'
    const expected = xmllintValid(file, version)
    let ours = true
    let message = ''
    try {
      await readAll(file)
    } catch (e) {
      ours = false
      message = (e as Error).message
      expect((e as { code: string }).code).toBe('INVALID')
    }
    expect({ valid: ours, message }).toMatchObject({ valid: expected })
  })

  it('explains what was expected', async () => {
    const missing = tmp.write('missing.xml', readText(CENTRE).replace(/<intitule-formation>[^<]*<\/intitule-formation>/, ''))
    expect((await rejection(readAll(missing))).message).toMatch(/^Élément inattendu <objectif-formation> ligne 11 dans <formation> : attendu <intitule-formation>\.$/)
    const tooMany = tmp.write('too-many.xml', readText(CENTRE).replace(/(<code-ROME>F1604<\/code-ROME>)/, '$1<code-ROME>F1605</code-ROME>'.repeat(5)))
    expect((await rejection(readAll(tooMany))).message).toMatch(/^Élément <code-ROME> en trop ligne 8 dans <domaine-formation> : 5 au plus ; attendu <extras> ou la fin de <domaine-formation>\.$/)
    const unclosedSession = tmp.write('no-periode.xml', readText(CENTRE).replace(/<periode>\s*<debut>20171204[\s\S]*?<\/periode>/, ''))
    expect((await rejection(readAll(unclosedSession))).message).toMatch(/^Élément inattendu <adresse-inscription> ligne \d+ dans <session> : attendu <periode>\.$/)
    const empty = tmp.write('empty-action.xml', readText(CENTRE).replace(/<organisme-formation-responsable[\s\S]*<\/organisme-formation-responsable>/, ''))
    expect((await rejection(readAll(empty))).message).toMatch(/^Élément <organisme-formation-responsable> manquant dans <formation> \(ouvert ligne 4, fermé ligne \d+\)/)
  })
})

describe('memory', () => {
  it('keeps no formation once it has been handed over', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const xml = readText(ONISEP).replace(/\r\n/g, '\n')
    const a = xml.indexOf('<formation ')
    const b = xml.indexOf('</formation>') + '</formation>'.length
    const formation = Buffer.from(xml.slice(a, b))
    const N = 3000
    async function* source(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(xml.slice(0, a))
      for (let i = 0; i < N; i++) yield formation
      yield Buffer.from(xml.slice(b))
    }
    const early: WeakRef<LheoFormation>[] = []
    const heap: number[] = []
    let n = 0
    const summary = await readLheo(source(), {
      onFormation: async (f) => {
        n++
        if (n <= 10) early.push(new WeakRef(f))
        if (n === 500 || n === N) {
          await new Promise((r) => setImmediate(r))
          gc()
          heap.push(process.memoryUsage().heapUsed)
        }
      }
    })
    expect(summary.formations).toBe(N)
    gc()
    expect(early.filter((w) => w.deref() !== undefined)).toHaveLength(0)
    // 2 500 more formations (≈ 25 MB of XML) read in between: the heap has not grown with them.
    expect((heap[1] ?? 0) - (heap[0] ?? 0)).toBeLessThan(8 * 1024 * 1024)
  })
})
