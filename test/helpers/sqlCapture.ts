import type { Db } from '../../electron/main/db/open'

export type CapturedStatement = { sql: string; params: unknown[] }

/**
 * A view of a connection that records every statement run through it with its parameters, so
 * that a test can EXPLAIN exactly what a service ran and a benchmark can run the same SQL bare.
 * Reads only: transactions and other methods go straight to the real connection.
 */
export function captureSql(db: Db): { db: Db; statements: CapturedStatement[] } {
  const statements: CapturedStatement[] = []
  const wrapStatement = (sql: string, statement: ReturnType<Db['prepare']>) =>
    new Proxy(statement, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver)
        if (typeof value !== 'function') return value
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
          return (...params: unknown[]) => {
            statements.push({ sql, params })
            return (value as (...a: unknown[]) => unknown).apply(target, params)
          }
        }
        return (value as (...a: unknown[]) => unknown).bind(target)
      }
    })
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver)
      if (prop === 'prepare') return (sql: string) => wrapStatement(sql, target.prepare(sql))
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    }
  })
  return { db: proxy, statements }
}

/** The plan of one captured statement, one line per step. */
export function queryPlan(db: Db, s: CapturedStatement): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail)
}

/** Runs captured statements bare, as the service ran them: the same SQL and parameters. */
export function runBare(db: Db, statements: readonly CapturedStatement[]): void {
  for (const s of statements) {
    const st = db.prepare(s.sql)
    if (st.reader) st.all(...s.params)
    else st.run(...s.params)
  }
}
