import type { IdentifierMatcher } from '@shared/domain/redaction'
import type { Db } from '../../db/open'

/*
 * The safety net after the column-by-column rewrite: every text column of every table (tables other
 * work adds later included) is searched for the people's identifiers (full name, e-mail, phone,
 * France Travail id: shared/domain/redaction.ts) and those words are replaced. Columns that only
 * ever hold dates, codes or hashes are skipped (cheaper, and never personal).
 */

type Matcher = { current: IdentifierMatcher | null }
const matchers = new WeakMap<Db, Matcher>()

/** SQL functions privacy_hit(text) and privacy_redact(text), bound once per connection to a replaceable pattern. */
function matcherFor(db: Db): Matcher {
  let m = matchers.get(db)
  if (m) return m
  const created: Matcher = { current: null }
  db.function('privacy_hit', { deterministic: false }, (text: unknown) =>
    typeof text === 'string' && created.current !== null && created.current.test(text) ? 1 : 0
  )
  db.function('privacy_redact', { deterministic: false }, (text: unknown) =>
    typeof text === 'string' && created.current !== null ? created.current.redact(text) : text
  )
  matchers.set(db, created)
  m = created
  return m
}

/** Registers the functions; call before the write transaction (a function cannot be added while statements run). */
export function prepareSweep(db: Db): void {
  matcherFor(db)
}

const STRUCTURED = /(?:_at|_on|date|month|status|kind|sha256|hash|precision|mime|code|_by)$|^(?:id|period|weekday|half|source|unit|funder|prescriber|civility)$/

type Column = { table: string; column: string }

export function textColumns(db: Db, skipTables: ReadonlySet<string>): Column[] {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name)
    .filter((t) => !skipTables.has(t))
  return tables.flatMap((table) =>
    db
      .prepare<[string], { name: string; type: string }>('SELECT name, type FROM pragma_table_info(?)')
      .all(table)
      .filter((c) => /TEXT|ANY|CHAR|CLOB|^$/i.test(c.type) && !STRUCTURED.test(c.name))
      .map((c) => ({ table, column: c.name }))
  )
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/**
 * Replaces identifiers in every text column; returns the columns where a rule of the database (a
 * trigger protecting issued invoices, a CHECK) refused the change: they are reported, not forced.
 */
export function sweepIdentifiers(db: Db, matcher: IdentifierMatcher | null, skipTables: ReadonlySet<string>): string[] {
  if (matcher === null) return []
  const m = matcherFor(db)
  m.current = matcher
  const kept: string[] = []
  try {
    for (const { table, column } of textColumns(db, skipTables)) {
      const c = quote(column)
      try {
        db.prepare(`UPDATE ${quote(table)} SET ${c} = privacy_redact(${c}) WHERE ${c} IS NOT NULL AND privacy_hit(${c})`).run()
      } catch {
        // The statement alone is undone (SQLite keeps the enclosing transaction): the rest goes on.
        kept.push(`${table}.${column}`)
      }
    }
  } finally {
    m.current = null
  }
  return kept
}

/** Runs fn with the matcher bound to privacy_hit / privacy_redact (for the audit log's own statements). */
export function withMatcher<T>(db: Db, matcher: IdentifierMatcher | null, fn: () => T): T {
  const m = matcherFor(db)
  m.current = matcher
  try {
    return fn()
  } finally {
    m.current = null
  }
}
