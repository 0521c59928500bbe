/**
 * LHEO catalogue reader (CARIF-OREF exchange format, versions 2.2 and 2.3): streaming, validating,
 * database-free. The catalogue import service builds on `readLheo` / `readLheoFile`.
 */
export type {
  DatePrecision,
  CompactExtraNode,
  ExtraNode,
  ExtrasJson,
  LheoAction,
  LheoCertification,
  LheoDate,
  LheoFormation,
  LheoFunder,
  LheoOrg,
  LheoPlace,
  LheoSession,
  LheoVersion,
  LheoWarning,
  ReadLheoOptions,
  ReadSummary
} from './types'
export { LheoError, isLheoError, abortError, ABORT_MESSAGE, type LheoErrorCode } from './errors'
export { readLheo, readLheoFile, bareParse, READ_CHUNK_BYTES } from './readLheo'
export { lheoDate, parseLheoDate, type DateBound } from './dates'
export { richTextToPlain, decodeHtmlEntities } from './richText'
export { detectEncoding } from './decode'
export { decodeExtras } from './extras'
export { LHEO_NAMESPACES, loadLheoSchema, compileSchema } from './schema'
export { setLheoSchemaDir, findSchemaFile } from './schemaFiles'
export { LHEO_TABLES, tableLabel } from './tables'
