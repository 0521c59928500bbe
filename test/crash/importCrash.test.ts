import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeLargeLheo } from '../bench/lheoFixture'
import { call, crashDatabase, inspect, kill, seeded, SKIP, sleep, startHost, type Host } from './crashHost'

/*
 * Crash test of the two imports (issue #13): the browser host is killed with SIGKILL at a
 * seeded random moment while it applies a catalogue (LHEO, on its worker's own connection) or a
 * trainee list (one transaction through the trainee service). Each import carries a lot number
 * in every title (catalogue) or note (trainees): after each kill the file must pass
 * `PRAGMA integrity_check` and hold entirely the previous lot or entirely the new one, with all
 * its rows — never a mix, never a part. The first import of each kind runs to its end and times
 * the write; the kills fall between 0 and twice that duration.
 */

if (SKIP) process.stderr.write(`${SKIP}\n`)
const SEED = 2611
const FORMATIONS = 250
const TRAINEES = 3000
/** Per import kind; with the 15 kills of attendanceCrash.test.ts, 27 kills of a writer in all. */
const KILLS = 6

let dir: string
let dbPath: string
let hostEntry: string
let catalogue: string
let cleanup: () => void = () => undefined

beforeAll(async () => {
  if (SKIP) return
  const t = await crashDatabase()
  ;({ cleanup, dir, dbPath, hostEntry } = t)
  t.db.close()
  const path = join(dir, 'catalogue.xml')
  writeLargeLheo(path, FORMATIONS)
  catalogue = readFileSync(path, 'utf8')
})
afterAll(() => cleanup())

type Job = { id: string; state: string; error: string | null }

async function settled(host: Host, jobId: string): Promise<Job | null> {
  for (;;) {
    const r = await call(host, 'lheo:job', { jobId })
    if (!r?.ok) return null
    const job = r.value as Job
    if (job.state !== 'running') return job
    await sleep(50)
  }
}

/** Lot markers and row counts of what the imports wrote. */
type Lots = { lots: string[]; rows: number; integrity: string }

const catalogueLots = (): Lots =>
  inspect(dbPath, (db) => {
    const rows = db.prepare<[], { title: string }>("SELECT title FROM training WHERE title LIKE '%(groupe %'").all()
    return { rows: rows.length, lots: [...new Set(rows.map((r) => /\[lot (\d+)\]/.exec(r.title)?.[1] ?? '?'))].sort() }
  })

const traineeLots = (): Lots =>
  inspect(dbPath, (db) => {
    const rows = db.prepare<[], { notes: string | null }>("SELECT notes FROM trainee WHERE last_name LIKE 'CRASH%'").all()
    return { rows: rows.length, lots: [...new Set(rows.map((r) => (r.notes ?? '?').replace('lot ', '')))].sort() }
  })

function traineeList(lot: number): string {
  const lines = ['Nom;Prénom;Identifiant France Travail;Notes']
  for (let i = 1; i <= TRAINEES; i++) lines.push(`CRASH${i};Marie;${String(i).padStart(7, '0')}A;lot ${lot}`)
  return Buffer.from(`${lines.join('\n')}\n`).toString('base64')
}

/**
 * One import per lot: `prepare` runs on a fresh host (reading, previewing), `write` starts the
 * write; the host is killed a seeded random delay after the write starts (never, for lot 0).
 */
async function crashLoop(label: string, read: () => Lots, expected: number, steps: { prepare: (host: Host, lot: number) => Promise<unknown>; write: (host: Host, prepared: unknown) => Promise<boolean> }) {
  const random = seeded(SEED + label.length)
  let previous: string | null = null
  let duration = 0
  const outcomes = { before: 0, after: 0 }
  for (let lot = 0; lot <= KILLS; lot++) {
    const host = await startHost(hostEntry, dbPath)
    const prepared = await steps.prepare(host, lot)
    const started = performance.now()
    const written = steps.write(host, prepared)
    if (lot === 0) {
      expect(await written, `${label} : premier import`).toBe(true)
      duration = performance.now() - started
      await kill(host)
    } else {
      await sleep(random() * duration * 2)
      await kill(host)
      await written
    }
    const state = read()
    const where = `${label}, lot ${lot} (précédent ${previous ?? 'aucun'})`
    expect(state.integrity, where).toBe('ok')
    if (state.lots.length === 1 && state.lots[0] === String(lot)) {
      expect(state.rows, where).toBe(expected)
      if (lot > 0) outcomes.after++
      previous = String(lot)
    } else {
      expect(state.lots, where).toEqual(previous === null ? [] : [previous])
      expect(state.rows, where).toBe(previous === null ? 0 : expected)
      outcomes.before++
    }
  }
  process.stdout.write(`${label} : écriture de ${Math.round(duration)} ms ; ${KILLS} coupures, ${outcomes.before} avant la validation (rien d’écrit), ${outcomes.after} après (tout écrit).\n`)
  expect(outcomes.before + outcomes.after).toBe(KILLS)
}

describe.skipIf(SKIP !== null)('imports survive a killed process', () => {
  it(`catalogue import (${FORMATIONS} formations): ${KILLS} kills, all or nothing`, async () => {
    await crashLoop('Catalogue', catalogueLots, FORMATIONS, {
      prepare: async (host, lot) => {
        const xml = catalogue.replaceAll('(groupe ', `[lot ${lot}] (groupe `)
        const r = await call(host, 'lheo:preview', { fileName: 'catalogue.xml', base64: Buffer.from(xml).toString('base64') })
        if (!r?.ok) throw new Error(`aperçu refusé : ${JSON.stringify(r)}`)
        const job = await settled(host, (r.value as Job).id)
        if (job?.state !== 'done') throw new Error(`aperçu : ${JSON.stringify(job)}`)
        return job.id
      },
      write: async (host, previewId) => {
        const r = await call(host, 'lheo:apply', { jobId: previewId })
        if (!r?.ok) return false
        const job = await settled(host, (r.value as Job).id)
        return job?.state === 'done'
      }
    })
  }, 300_000)

  it(`trainee list import (${TRAINEES} rows): ${KILLS} kills, all or nothing`, async () => {
    await crashLoop('Liste de stagiaires', traineeLots, TRAINEES, {
      prepare: (_host, lot) => Promise.resolve(traineeList(lot)),
      write: async (host, base64) => {
        const r = await call(host, 'traineeImport:apply', { fileName: 'liste.csv', base64, merge: 'overwrite' })
        return r?.ok === true
      }
    })
  }, 300_000)
})
