import type { Database, Transaction } from 'better-sqlite3'

type TransactionFn = Parameters<Database['transaction']>[0]

/*
 * Every write transaction takes the write lock up front (BEGIN IMMEDIATE). A deferred transaction
 * that reads then writes must upgrade its read lock; when another connection (an LHEO import on its
 * worker, a second window or host on the same file) has written in between, SQLite answers
 * SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT at once, without calling the busy handler: the clerk's edit
 * failed. BEGIN IMMEDIATE waits for the lock (busy_timeout) before reading anything, so what it
 * reads is current and its write cannot conflict.
 *
 * Nested calls stay savepoints (better-sqlite3 handles that for every variant). The number of
 * committed top-level transactions per connection lets the dispatcher know whether a call that
 * failed for « busy » had already written something (then it must not be retried).
 */

const commits = new WeakMap<Database, number>()

export function committedTransactions(db: Database): number {
  return commits.get(db) ?? 0
}

export function immediateByDefault(db: Database): void {
  const make = db.transaction.bind(db)
  const patched = <F extends TransactionFn>(fn: F): Transaction<F> => {
    const t = make(fn)
    const counted = (variant: Transaction<F>['immediate']): Transaction<F>['immediate'] =>
      function (this: unknown, ...args) {
        const outermost = !db.inTransaction
        const result = variant.apply(this, args)
        if (outermost) commits.set(db, committedTransactions(db) + 1)
        return result
      }
    const immediate = counted(t.immediate)
    return Object.assign(immediate, {
      default: immediate,
      immediate,
      deferred: counted(t.deferred),
      exclusive: counted(t.exclusive)
    })
  }
  db.transaction = patched
}

/** SQLite's « database is locked » family: another connection holds the write lock. */
export function isBusyError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')
}
