import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLheo, readLheoFile, type LheoWarning } from '../../electron/main/import/lheo'
import {
  ANOTEA,
  CENTRE,
  EDOF,
  LEGACY_13,
  NORMANDIE,
  NS_22,
  NS_23,
  ONISEP,
  chunked,
  lineOf,
  readAll,
  readText,
  rejection,
  repeatFormation,
  tempDir,
  xmllintValid,
  xpathCount,
  type TempDir
} from './lheoHelpers'

let tmp: TempDir
beforeAll(() => {
  tmp = tempDir()
})
afterAll(() => tmp.cleanup())

const VALID_SAMPLES = [CENTRE, NORMANDIE, ONISEP]

describe('refused files', () => {
  it('refuses the Anotea file, naming coordonneFs and its line', async () => {
    const e = await rejection(readAll(ANOTEA))
    const line = lineOf(readText(ANOTEA), '<coordonneFs>')
    expect(e.code).toBe('INVALID')
    expect(e.element).toBe('coordonneFs')
    expect(e.line).toBe(line)
    expect(e.message).toContain('<coordonneFs>')
    expect(e.message).toContain(`ligne ${line}`)
    expect(e.message).toContain('<contact-formation>')
    expect(e.message).toContain('attendu <coordonnees>')
  })

  it('finds the other Anotea errors once the first ones are fixed', async () => {
    const text = readText(ANOTEA)
    const fixed1 = tmp.write('anotea-1.xml', text.replace(/coordonneFs/g, 'coordonnees'))
    const e1 = await rejection(readAll(fixed1))
    expect(e1.element).toBe('SIRET')
    expect(e1.line).toBe(lineOf(text, '<SIRET>022222222222222</SIRET>'))
    expect(e1.message).toMatch(/15 caractères, 14 au plus/)
    const fixed2 = tmp.write('anotea-2.xml', text.replace(/coordonneFs/g, 'coordonnees').replace(/<SIRET>0(\d{14})<\/SIRET>/g, '<SIRET>$1</SIRET>'))
    const e2 = await rejection(readAll(fixed2))
    expect(e2.element).toBe('adresse')
    expect(e2.message).toMatch(/<adresse> mal placé ligne \d+ dans <coordonnees>/)
    expect(xmllintValid(fixed2, '2.2')).toBe(false)
  })

  it('refuses LHEO 1.3', async () => {
    const e = await rejection(readAll(LEGACY_13))
    expect(e.code).toBe('UNSUPPORTED_VERSION')
    expect(e.message).toMatch(/^Version LHEO non prise en charge \(1\.3\.0\).*2\.2 ou 2\.3 attendue/)
  })

  it('refuses an LHEO file in an unknown version or without namespace', async () => {
    const noNs = tmp.write('no-ns.xml', readText(CENTRE).replace(` xmlns="${NS_22}"`, ''))
    expect((await rejection(readAll(noNs))).code).toBe('UNSUPPORTED_VERSION')
    const v24 = tmp.write('v24.xml', readText(CENTRE).replace(NS_22, 'http://lheo.gouv.fr/2.4'))
    expect((await rejection(readAll(v24))).message).toContain('(2.4)')
  })

  it('refuses the EDOF dialect as not a CARIF-OREF catalogue', async () => {
    const e = await rejection(readAll(EDOF))
    expect(e.code).toBe('EDOF')
    expect(e.message).toMatch(/^Ce fichier est au format EDOF \(Mon Compte Formation.*pas un catalogue LHEO CARIF-OREF/)
  })

  it('refuses what is not XML, with a line', async () => {
    const csv = tmp.write('list.csv', 'nom;prenom;identifiant\nMARTIN;Anne;0676932W\n')
    const e1 = await rejection(readAll(csv))
    expect(e1.code).toBe('NOT_XML')
    expect(e1.message).toMatch(/^Le fichier n'est pas un XML valide : .*ligne 1/)

    const truncated = tmp.write('truncated.xml', readText(CENTRE).slice(0, 5000))
    const e2 = await rejection(readAll(truncated))
    expect(e2.code).toBe('NOT_XML')
    expect(e2.message).toMatch(/^Le fichier n'est pas un XML valide : la balise <\w[\w-]*> n'est jamais fermée.* \(ligne \d+\)\.$/)

    const htmlEntity = tmp.write('nbsp.xml', readText(CENTRE).replace('Titre professionnel plaquiste', 'Titre&nbsp;professionnel'))
    const e3 = await rejection(readAll(htmlEntity))
    expect(e3.code).toBe('NOT_XML')
    expect(e3.line).toBe(lineOf(readText(CENTRE), 'Titre professionnel plaquiste'))

    const pdf = tmp.write('doc.xml', '%PDF-1.7\n%âãÏÓ\n')
    expect((await rejection(readAll(pdf))).message).toContain('PDF')

    const zip = tmp.write('book.xml', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))
    expect((await rejection(readAll(zip))).message).toContain('ZIP')
  })

  it('refuses an empty file', async () => {
    for (const content of ['', '  \n\r\n', '\ufeff']) {
      const e = await rejection(readAll(tmp.write('empty.xml', content)))
      expect(e.code).toBe('EMPTY')
      expect(e.message).toBe('Le fichier est vide.')
    }
  })

  it('refuses XML that is not LHEO', async () => {
    const e = await rejection(readAll(tmp.write('html.xml', '<html><body>x</body></html>')))
    expect(e.code).toBe('NOT_LHEO')
    expect(e.message).toContain('<html>')
  })

  it('refuses a file that does not exist, in French', async () => {
    const e = await rejection(readAll('/nonexistent/catalogue.xml'))
    expect(e.code).toBe('READ')
    expect(e.message).toContain('fichier introuvable')
  })

  it('refuses bytes that are not in the declared encoding, with the line', async () => {
    const latin1 = Buffer.from(readText(CENTRE), 'latin1') // still declares utf-8
    const e = await rejection(readAll(tmp.write('wrong-encoding.xml', latin1)))
    expect(e.code).toBe('ENCODING')
    expect(e.line).toBe(lineOf(readText(CENTRE), 'accès à l'))
  })

  it('hands over nothing from a file whose error comes after its first formation in the same chunk', async () => {
    const twoThenBroken = repeatFormation(readText(CENTRE), 2).replace(/<intitule-formation>([^<]*)<\/intitule-formation>(?![\s\S]*<intitule-formation>)/, '<intitule-formation></intitule-formation>')
    let delivered = 0
    const e = await rejection(readLheoFile(tmp.write('second-broken.xml', twoThenBroken), { onFormation: () => void delivered++ }))
    expect(e.code).toBe('INVALID')
    expect(e.element).toBe('intitule-formation')
    expect(delivered).toBe(0)
  })
})

describe('encodings and versions', () => {
  it('reads an ISO-8859-1 file with the same accents', async () => {
    const utf8 = await readAll(CENTRE)
    const latin = readText(CENTRE).replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    const file = tmp.write('latin1.xml', Buffer.from(latin, 'latin1'))
    expect(readFileSync(file).includes(Buffer.from('Veign\xe9', 'latin1'))).toBe(true)
    const r = await readAll(file)
    expect(r.summary.encoding).toBe('ISO-8859-1')
    expect(r.formations).toEqual(utf8.formations)
    expect(r.formations[0]?.responsibleOrg?.addressLine1).toBe("Propriété de l'Archette, Rue Basse Mouillère, CS 50613")
    expect(r.formations[0]?.actions[0]?.place?.city).toBe('Veigné')
  })

  it('decodes windows-1252 characters in files labelled ISO-8859-1 or windows-1252', async () => {
    for (const label of ['ISO-8859-1', 'windows-1252']) {
      const xml = readText(CENTRE).replace('encoding="utf-8"', `encoding="${label}"`).replace('pour un accès', 'pour un accès à 100 \x80 l\x92emploi')
      const r = await readAll(tmp.write(`cp1252-${label}.xml`, Buffer.from(xml, 'latin1')))
      expect(r.formations[0]?.objectives).toContain('à 100 € l’emploi')
    }
  })

  it('reads UTF-8 with a BOM and UTF-16 with a BOM', async () => {
    const utf8 = await readAll(CENTRE)
    const bom = await readAll(tmp.write('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(CENTRE)])))
    expect(bom.formations).toEqual(utf8.formations)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readText(CENTRE).replace('encoding="utf-8"', 'encoding="UTF-16"'), 'utf16le')])
    const r16 = await readAll(tmp.write('utf16.xml', utf16))
    expect(r16.summary.encoding).toBe('UTF-16LE')
    expect(r16.formations).toEqual(utf8.formations)
  })

  it('reads LHEO 2.3 (the same sample in the 2.3 namespace)', async () => {
    const as22 = await readAll(CENTRE)
    for (const file of VALID_SAMPLES) {
      const v23 = tmp.write('v23.xml', readText(file).replace(NS_22, NS_23))
      expect(xmllintValid(v23, '2.3')).toBe(true)
      const r = await readAll(v23)
      expect(r.summary.version).toBe('2.3')
      expect(r.summary.namespace).toBe(NS_23)
      expect(r.summary.formations).toBe(xpathCount(v23, 'formation'))
      if (file === CENTRE) expect(r.formations).toEqual(as22.formations)
    }
  })

  it('reads 2.3-only elements (code-RS, new levels)', async () => {
    const xml = readText(CENTRE)
      .replace(NS_22, NS_23)
      .replace('<code-RNCP>320</code-RNCP>\n                <code-CERTIFINFO>80735</code-CERTIFINFO>', '<code-CERTIFINFO>80735</code-CERTIFINFO>\n                <code-RS>RS5063</code-RS>')
      .replace('<code-niveau-sortie>4</code-niveau-sortie>', '<code-niveau-sortie>13</code-niveau-sortie>')
    const file = tmp.write('v23-rs.xml', xml)
    expect(xmllintValid(file, '2.3')).toBe(true)
    const r = await readAll(file)
    expect(r.formations[0]?.certification).toEqual({ kind: 'RS', code: '5063', level: 3 })
    // In the wrong order, both libxml2 and the reader refuse it.
    const wrongOrder = tmp.write('v23-rs-order.xml', xml.replace(/<code-CERTIFINFO>80735<\/code-CERTIFINFO>\s*<code-RS>RS5063<\/code-RS>/, '<code-RS>RS5063</code-RS><code-CERTIFINFO>80735</code-CERTIFINFO>'))
    expect(xmllintValid(wrongOrder, '2.3')).toBe(false)
    const e = await rejection(readAll(wrongOrder))
    expect(e.message).toMatch(/^Élément <code-CERTIFINFO> mal placé ligne \d+ dans <certification> : il doit venir avant <code-RS>/)
  })
})

describe('partial dates', () => {
  it('gives the precision and a warning for each partial or unknown date', async () => {
    const text = readText(CENTRE)
      .replace('<debut>20171204</debut>', '<debut>20171200</debut>')
      .replace('<fin>20180601</fin>', '<fin>20180000</fin>')
      .replace('<debut>20171030</debut>', '<debut>20180231</debut>')
      .replace('<fin>20180522</fin>', '<fin>99999999</fin>')
    const file = tmp.write('partial-dates.xml', text)
    expect(xmllintValid(file, '2.2')).toBe(true)
    const { formations, summary } = await readAll(file)
    const [s1] = formations[0]?.actions[0]?.sessions ?? []
    const [s2] = formations[0]?.actions[1]?.sessions ?? []
    expect(s1?.start).toEqual({ iso: '2017-12-01', precision: 'month', raw: '20171200' })
    expect(s1?.end).toEqual({ iso: '2018-12-31', precision: 'year', raw: '20180000' })
    expect(s2?.start).toEqual({ iso: null, precision: 'unknown', raw: '20180231' })
    expect(s2?.registrationEnd).toEqual({ iso: null, precision: 'open', raw: '99999999' })
    expect(summary.warnings.map((w) => [w.element, w.line])).toEqual([
      ['debut', lineOf(text, '<debut>20171200</debut>')],
      ['fin', lineOf(text, '<fin>20180000</fin>')],
      ['debut', lineOf(text, '<debut>20180231</debut>')],
      ['debut', lineOf(text, '<debut>00000000</debut>')]
    ])
    expect(summary.warnings[0]?.message).toMatch(/^Date incomplète « 20171200 » dans <debut> ligne \d+ : jour non précisé, 01\/12\/2017 retenu\.$/)
    expect(summary.warnings[1]?.message).toContain('31/12/2018')
    expect(summary.warnings[2]?.message).toMatch(/^Date impossible « 20180231 »/)
    expect(summary.warningCount).toBe(4)
  })

  it('keeps only maxWarnings warnings but counts and streams them all', async () => {
    const seen: LheoWarning[] = []
    const r = await readAll(tmp.write('50.xml', repeatFormation(readText(CENTRE), 50)), { maxWarnings: 10, onWarning: (w) => void seen.push(w) })
    expect(r.summary.warnings).toHaveLength(10)
    expect(r.summary.warningCount).toBe(50)
    expect(seen).toHaveLength(50)
  })
})

describe('streaming', () => {
  const fifty = (): string => repeatFormation(readText(CENTRE), 50)

  it('calls onFormation once per formation, in order, while reading', async () => {
    const file = tmp.write('fifty.xml', fifty())
    const total = readFileSync(file).byteLength
    const seen: { id: string | null; bytesAtCall: number }[] = []
    let bytes = 0
    const summary = await readLheo(chunked(readFileSync(file), 4096), {
      onFormation: (f) => void seen.push({ id: f.intercarifId, bytesAtCall: bytes }),
      onProgress: (b) => {
        bytes = b
      }
    })
    expect(summary.formations).toBe(50)
    expect(summary.formations).toBe(xpathCount(file, 'formation'))
    expect(summary.actions).toBe(xpathCount(file, 'action'))
    expect(summary.sessions).toBe(xpathCount(file, 'session'))
    expect(seen.map((s) => s.id)).toEqual(Array.from({ length: 50 }, (_, i) => `F_${i + 1}`))
    // Handed over as the file is read, not at the end.
    expect(seen[0]?.bytesAtCall).toBeLessThan(total / 10)
    expect(bytes).toBe(total)
  })

  it('awaits an async onFormation before reading on', async () => {
    let running = 0
    let maxRunning = 0
    let calls = 0
    await readLheo(chunked(Buffer.from(fifty()), 4096), {
      onFormation: async () => {
        running++
        maxRunning = Math.max(maxRunning, running)
        await new Promise((r) => setTimeout(r, 1))
        running--
        calls++
      }
    })
    expect(calls).toBe(50)
    expect(maxRunning).toBe(1)
  })

  it('passes an error of onFormation through unchanged', async () => {
    const boom = new Error('disque plein')
    const e = await rejection(readLheo(chunked(Buffer.from(fifty()), 4096), { onFormation: () => Promise.reject(boom) }))
    expect(e).toBe(boom)
  })

  it('cancels through an AbortSignal', async () => {
    const controller = new AbortController()
    let calls = 0
    const e = await rejection(
      readLheo(chunked(Buffer.from(fifty()), 4096), {
        signal: controller.signal,
        onFormation: () => {
          calls++
          if (calls === 3) controller.abort()
        }
      })
    )
    expect(e.code).toBe('ABORTED')
    expect(e.aborted).toBe(true)
    expect(e.message).toBe('Import annulé.')
    expect(calls).toBe(3)
  })

  it('cancels at once, even while waiting for bytes', async () => {
    const controller = new AbortController()
    async function* stalled(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(readText(CENTRE).slice(0, 3000))
      await new Promise(() => undefined) // never comes
    }
    const p = readLheo(stalled(), { signal: controller.signal, onFormation: () => undefined })
    setTimeout(() => controller.abort(), 20)
    const e = await rejection(p)
    expect(e.code).toBe('ABORTED')
    const already = new AbortController()
    already.abort()
    expect((await rejection(readLheo(chunked(Buffer.from(fifty()), 4096), { signal: already.signal, onFormation: () => undefined }))).code).toBe('ABORTED')
  })
})
