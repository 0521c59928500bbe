import type { Result } from '@shared/api/result'
import type { RequestStatus } from '@shared/api/areas/app'
import type { Db } from '../db/open'

/*
 * The answers of keyed writes (migration 0110). A write whose answer was lost (the host killed
 * between its commit and its answer, a dropped connection) is read back by its key; a retry with
 * the same key gets the stored answer and never applies twice. Answers hold personal data (rows of
 * a grid): they are kept a week at most, and only the last MAX_ROWS.
 */

/** Above this, the answer is not kept (the call is still known as done, its result reads « reload »). */
export const MAX_STORED_ANSWER_BYTES = 2 * 1024 * 1024
export const MAX_ROWS = 5000
export const KEEP_DAYS = 7

export type StoredAnswer = { op: string; ok: boolean; result: Result<unknown> | null }

type Row = { op: string; ok: number; result: string | null }

export function findAnswer(db: Db, key: string): StoredAnswer | null {
  const row = db.prepare<[string], Row>('SELECT op, ok, result FROM answered_request WHERE key = ?').get(key)
  if (!row) return null
  return { op: row.op, ok: row.ok === 1, result: row.result === null ? null : (JSON.parse(row.result) as Result<unknown>) }
}

/**
 * Records a key's answer; run it inside the transaction of the call's own writes, so that the
 * answer is kept if and only if they are. Throws SQLITE_CONSTRAINT_PRIMARYKEY when the key is
 * already recorded (another process ran the same key meanwhile): the caller's transaction rolls back.
 */
export function recordAnswer(db: Db, key: string, op: string, result: Result<unknown>, now: Date): void {
  const json = JSON.stringify(result)
  const kept = Buffer.byteLength(json, 'utf8') <= MAX_STORED_ANSWER_BYTES ? json : null
  db.prepare('INSERT INTO answered_request (key, op, ok, result, created_at) VALUES (?, ?, ?, ?, ?)').run(key, op, result.ok ? 1 : 0, kept, now.toISOString())
  pruneAnswers(db, now)
}

/** Cheap on every write: both deletes walk an index (created_at, rowid) from its low end. */
export function pruneAnswers(db: Db, now: Date): void {
  const oldest = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString()
  db.prepare('DELETE FROM answered_request WHERE created_at < ?').run(oldest)
  db.prepare('DELETE FROM answered_request WHERE rowid <= (SELECT max(rowid) FROM answered_request) - ?').run(MAX_ROWS)
}

export const isKeyConflict = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'

/** Keys being run right now in this process, per database: a read-back says « still running ». */
const running = new WeakMap<Db, Map<string, { op: string; answer: Promise<Result<unknown>> }>>()

export function runningCalls(db: Db): Map<string, { op: string; answer: Promise<Result<unknown>> }> {
  let calls = running.get(db)
  if (!calls) {
    calls = new Map()
    running.set(db, calls)
  }
  return calls
}

/** What became of a keyed write: done (with its answer when kept), still running, or unknown (never applied). */
export function requestStatus(db: Db, key: string): RequestStatus {
  if (runningCalls(db).has(key)) return { state: 'running' }
  const stored = findAnswer(db, key)
  if (!stored) return { state: 'unknown' }
  return { state: 'done', op: stored.op, ok: stored.ok, result: stored.result }
}
