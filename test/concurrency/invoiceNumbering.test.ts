import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/main/db/open'

/*
 * Invoice numbers stay unique and gapless per year when two processes issue invoices on the same
 * database at once and one of them is killed with SIGKILL in the middle of its run (possibly
 * inside a transaction): the number is taken in the transaction that issues, so a killed issue
 * takes its number with it. Repeated: each round kills at a different moment.
 */

const ROOT = resolve(__dirname, '../..')
const ROUNDS = 5
const PER_PROCESS = 10
// The victim has far more to do than it is given time for: it is always killed mid-run.
const VICTIM_DRAFTS = 400

type Run = { child: ChildProcess; lines: string[]; exited: Promise<number | null> }

function start(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/concurrency/invoiceIssuer.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let buffer = ''
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString()
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    lines.push(...parts)
  })
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(d))
  return { child, lines, exited: new Promise((done) => child.on('exit', (code) => done(code))) }
}

const until = async (test: () => boolean, ms = 60_000) => {
  const end = performance.now() + ms
  while (!test()) {
    if (performance.now() > end) throw new Error('timeout')
    await new Promise((r) => setTimeout(r, 5))
  }
}

function drafts(db: Db, count: number): number[] {
  const now = '2027-01-20T09:00:00.000Z'
  const invoice = db.prepare("INSERT INTO invoice (funder_code, buyer_name, issue_date, created_at, created_by, updated_at) VALUES ('opco', 'OPCO Atlas', '2027-01-31', ?, 'test', ?)")
  const line = db.prepare("INSERT INTO invoice_line (invoice_id, position, label, pricing, quantity_hundredths, unit, unit_price_cents, net_cents) VALUES (?, 1, 'Heures', 'hourly', 700, 'HUR', 1250, 8750)")
  return db.transaction(() =>
    Array.from({ length: count }, () => {
      const id = Number(invoice.run(now, now).lastInsertRowid)
      line.run(id)
      return id
    })
  )()
}

let dir = ''
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('invoice numbering under concurrency and crashes', () => {
  it(`two processes issue at once, one killed with SIGKILL mid-way, ${ROUNDS} times: numbers unique and gapless`, async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-numbering-'))
    const dbPath = join(dir, 'passerelle.db')
    const { db } = await openDatabase(dbPath)
    db.prepare("UPDATE organisation SET raison_sociale = 'Atelier Formation', siret = '84327159300025' WHERE id = 1").run()
    let killedMidway = 0
    for (let round = 0; round < ROUNDS; round++) {
      const a = drafts(db, VICTIM_DRAFTS)
      const b = drafts(db, PER_PROCESS)
      const victim = start([dbPath, `Poste A${round}`, ...a.map(String)])
      const survivor = start([dbPath, `Poste B${round}`, ...b.map(String)])
      await until(() => victim.lines.includes('ready') && survivor.lines.includes('ready'))
      // Kill after a different number of issues each round, while both are writing.
      const after = 1 + round * 2
      await until(() => victim.lines.filter((l) => l.startsWith('issued')).length >= after || victim.lines.includes('done'))
      victim.child.kill('SIGKILL')
      await victim.exited
      if (!victim.lines.includes('done')) killedMidway++
      expect(await survivor.exited).toBe(0)
      expect(survivor.lines.filter((l) => l.startsWith('failed'))).toEqual([])
      expect(survivor.lines.filter((l) => l.startsWith('issued'))).toHaveLength(PER_PROCESS)

      // After each round, over the whole file: 1..n, each once, and the sequence at n.
      const numbers = db.prepare<[], { number: string; sequence: number }>("SELECT number, sequence FROM invoice WHERE status = 'issued' AND year = 2027 ORDER BY sequence").all()
      const n = numbers.length
      expect(numbers.map((r) => r.sequence)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      expect(numbers.map((r) => r.number)).toEqual(Array.from({ length: n }, (_, i) => `2027-${String(i + 1).padStart(5, '0')}`))
      expect(db.prepare<[], { last: number }>('SELECT last_number AS last FROM invoice_sequence WHERE year = 2027').get()?.last).toBe(n)
      // Every invoice the victim reported issued is issued with that number; the rest are still drafts.
      for (const l of victim.lines.filter((x) => x.startsWith('issued'))) {
        const [, id, number] = l.split(' ')
        expect(db.prepare<[number], { number: string | null }>('SELECT number FROM invoice WHERE id = ?').get(Number(id))?.number).toBe(number)
      }
      const draftsLeft = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM invoice WHERE status = 'draft' AND number IS NULL").get()?.n ?? 0
      expect(draftsLeft + n).toBe((round + 1) * (VICTIM_DRAFTS + PER_PROCESS))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    }
    expect(killedMidway).toBe(ROUNDS)
    db.close()
  }, 300_000)
})
