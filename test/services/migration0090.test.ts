import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { openConnection, type Db } from '../../electron/main/db/open'
import { tempDb, type TempDb } from '../helpers/tempDb'
import { quotesWorld } from './quotesWorld'

// A version 60 database with a session and an invoice as a version 10–60 writer could leave them.
let t: TempDb
let db: Db
const now = '2026-11-01T10:00:00.000Z'

beforeEach(async () => {
  t = await tempDb()
  t.db.close()
  db = openConnection(join(t.dir, 'v60.db'))
  await migrate(db, MIGRATIONS.filter((m) => m.version <= 60))
  expect(schemaVersion(db)).toBe(60)
  quotesWorld(db)
})
afterEach(() => {
  if (db.open) db.close()
  t.cleanup()
})

const sessionId = () => db.prepare<[], { id: number }>('SELECT id FROM session LIMIT 1').get()!.id

describe('migration 0090 (invoices)', () => {
  it('rebuilds invoice and invoice_line, keeps legacy rows and adds the sequence, payments and settings', async () => {
    const s = sessionId()
    db.prepare(
      `INSERT INTO invoice (id, number, session_id, buyer_name, buyer_siret, issue_date, total_ht_cents, total_ttc_cents, status, created_at, updated_at)
       VALUES (3, 'F-OLD-1', ?, 'France Travail', '13000548100010', '2026-10-30', 12500, 12500, 'issued', ?, ?)`
    ).run(s, now, now)
    db.prepare("INSERT INTO invoice_line (invoice_id, position, label, quantity, unit, unit_price_cents, amount_cents) VALUES (3, 1, 'Heures', 10, 'HUR', 1250, 12500)").run()

    await migrate(db, MIGRATIONS, { backupDir: join(t.dir, 'sauvegardes') })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])

    expect(db.prepare<[], { number: string; status: string; siret: string; ht: number }>("SELECT number, status, buyer_siret AS siret, total_ht_cents AS ht FROM invoice WHERE id = 3").get()).toEqual({
      number: 'F-OLD-1',
      status: 'issued',
      siret: '13000548100010',
      ht: 12500
    })
    expect(db.prepare<[], { q: number; net: number }>('SELECT quantity_hundredths AS q, net_cents AS net FROM invoice_line WHERE invoice_id = 3').get()).toEqual({ q: 1000, net: 12500 })
    expect(db.prepare<[], { vat: number; days: number }>('SELECT vat_exempt AS vat, payment_terms_days AS days FROM organisation WHERE id = 1').get()).toEqual({ vat: 1, days: 30 })
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'invoice%' ORDER BY name").all().map((r) => r.name)
    expect(tables).toEqual(['invoice', 'invoice_line', 'invoice_payment', 'invoice_sequence'])
  })

  it('refuses to change or delete an issued invoice or its lines, and numbers out of sequence', async () => {
    await migrate(db, MIGRATIONS)
    const s = sessionId()
    const id = Number(
      db
        .prepare("INSERT INTO invoice (session_id, buyer_name, issue_date, total_ht_cents, total_ttc_cents, created_at, created_by, updated_at) VALUES (?, 'Région Bretagne', '2027-01-31', 100, 100, ?, 'x', ?)")
        .run(s, now, now).lastInsertRowid
    )
    db.prepare("INSERT INTO invoice_line (invoice_id, position, label, quantity_hundredths, unit_price_cents, net_cents) VALUES (?, 1, 'Heures', 100, 100, 100)").run(id)
    // A number that is not the year's next one is refused.
    db.prepare('INSERT INTO invoice_sequence (year, last_number) VALUES (2027, 1)').run()
    expect(() => db.prepare("UPDATE invoice SET status = 'issued', year = 2027, sequence = 2, number = '2027-00002' WHERE id = ?").run(id)).toThrow(/numéro suivant/)
    db.prepare("UPDATE invoice SET status = 'issued', year = 2027, sequence = 1, number = '2027-00001' WHERE id = ?").run(id)

    expect(() => db.prepare('UPDATE invoice SET total_ht_cents = 200 WHERE id = ?').run(id)).toThrow(/ne se modifie pas/)
    expect(() => db.prepare("UPDATE invoice SET number = '2027-00009' WHERE id = ?").run(id)).toThrow(/ne se modifie pas/)
    expect(() => db.prepare("UPDATE invoice SET status = 'draft' WHERE id = ?").run(id)).toThrow(/ne se modifie pas/)
    expect(() => db.prepare('DELETE FROM invoice WHERE id = ?').run(id)).toThrow(/ne se supprime pas/)
    expect(() => db.prepare('UPDATE invoice_line SET net_cents = 1 WHERE invoice_id = ?').run(id)).toThrow(/ne se modifie pas/)
    expect(() => db.prepare('DELETE FROM invoice_line WHERE invoice_id = ?').run(id)).toThrow(/ne se modifie pas/)
    expect(() => db.prepare("INSERT INTO invoice_line (invoice_id, position, label, quantity_hundredths, unit_price_cents, net_cents) VALUES (?, 2, 'x', 100, 1, 1)").run(id)).toThrow(/ne se modifie pas/)
    // The deposit on Chorus Pro and payments are what may still be written.
    db.prepare("UPDATE invoice SET chorus_deposited_on = '2027-02-01', chorus_number = 'CPP-1', updated_at = ? WHERE id = ?").run(now, id)
    db.prepare("INSERT INTO invoice_payment (invoice_id, paid_on, amount_cents, created_at, created_by) VALUES (?, '2027-03-01', 100, ?, 'x')").run(id, now)

    // A draft can be edited and deleted, but not paid.
    const draft = Number(
      db.prepare("INSERT INTO invoice (buyer_name, issue_date, created_at, created_by, updated_at) VALUES ('OPCO', '2027-02-01', ?, 'x', ?)").run(now, now).lastInsertRowid
    )
    expect(() => db.prepare("INSERT INTO invoice_payment (invoice_id, paid_on, amount_cents, created_at, created_by) VALUES (?, '2027-03-01', 100, ?, 'x')").run(draft, now)).toThrow(/facture émise/)
    db.prepare("UPDATE invoice SET buyer_name = 'OPCO Atlas' WHERE id = ?").run(draft)
    db.prepare('DELETE FROM invoice WHERE id = ?').run(draft)
  })
})
