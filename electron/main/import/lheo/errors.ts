/**
 * Why a file was refused. The message is for the clerk (French); the code is for the caller
 * (e.g. the import service tells a cancellation apart from a broken file).
 */
export type LheoErrorCode =
  /** Cancelled through the AbortSignal. */
  | 'ABORTED'
  /** Zero bytes, or only white space. */
  | 'EMPTY'
  /** Not well-formed XML (or not XML at all: PDF, spreadsheet, CSV…). */
  | 'NOT_XML'
  /** Byte encoding unknown, or bytes that do not match the declared encoding. */
  | 'ENCODING'
  /** XML, but not an LHEO document. */
  | 'NOT_LHEO'
  /** LHEO in a version other than 2.2 / 2.3 (e.g. 1.3.0). */
  | 'UNSUPPORTED_VERSION'
  /** The EDOF dialect of Mon Compte Formation (Caisse des Dépôts), not a CARIF-OREF catalogue. */
  | 'EDOF'
  /** Breaks the LHEO schema (unexpected element, wrong order, missing element, bad value…). */
  | 'INVALID'
  /** The schema itself could not be found or compiled (installation problem, not the file's fault). */
  | 'SCHEMA'
  /** The file could not be read (missing, no permission…). */
  | 'READ'

export class LheoError extends Error {
  readonly code: LheoErrorCode
  /** Local name of the element at fault, when there is one. */
  readonly element: string | null
  /** 1-based line in the file, when known. */
  readonly line: number | null
  /** 1-based column, when known. */
  readonly column: number | null

  constructor(
    code: LheoErrorCode,
    message: string,
    where: { element?: string | null; line?: number | null; column?: number | null } = {}
  ) {
    super(message)
    this.name = 'LheoError'
    this.code = code
    this.element = where.element ?? null
    this.line = where.line ?? null
    this.column = where.column ?? null
  }

  /** True when the import was cancelled by the user (not a problem with the file). */
  get aborted(): boolean {
    return this.code === 'ABORTED'
  }
}

export function isLheoError(e: unknown): e is LheoError {
  return e instanceof LheoError
}

export const ABORT_MESSAGE = 'Import annulé.'

export function abortError(): LheoError {
  return new LheoError('ABORTED', ABORT_MESSAGE)
}
