import type { DocumentFile, documentOps } from '@shared/api/areas/documents'
import { documentHost } from '../../desktop/documentHost'
import { checkDocuments } from '../../services/documents/documentCheck'
import { documentJobsFor } from '../../services/documents/documentJobs'
import { listDocuments, readDocumentFile } from '../../services/documents/documentRegister'
import { verifyDocument } from '../../services/documents/documentVerify'
import { getDocumentsFolder, resetDocumentsFolder, setDocumentsFolder } from '../../services/documents/documentsFolder'
import { services } from '../serviceContext'
import type { AreaHandlers, CallContext } from '../types'

async function fileOf(call: CallContext, id: number, open: boolean): Promise<DocumentFile> {
  const { doc, bytes } = readDocumentFile(call.db, id)
  const opened = open ? await documentHost().openFile(doc.path) : false
  return { fileName: doc.fileName, mime: 'application/pdf', base64: bytes.toString('base64'), opened }
}

export const documentHandlers: AreaHandlers<typeof documentOps> = {
  'documents:generate': (input, call) => documentJobsFor(call.db).start(services(call), input),
  'documents:check': (input, { db, clock }) => checkDocuments(db, clock, input),
  'documents:job': ({ jobId }, { db }) => documentJobsFor(db).get(jobId),
  'documents:cancel': ({ jobId }, { db }) => documentJobsFor(db).cancel(jobId),
  'documents:list': ({ traineeId, sessionId, kind, includeSuperseded, limit }, { db }) =>
    listDocuments(db, {
      ...(traineeId !== undefined ? { traineeId } : {}),
      ...(sessionId !== undefined ? { sessionId } : {}),
      ...(kind !== undefined ? { kind } : {}),
      ...(includeSuperseded !== undefined ? { includeSuperseded } : {}),
      ...(limit !== undefined ? { limit } : {})
    }),
  'documents:open': ({ id }, call) => fileOf(call, id, true),
  'documents:download': ({ id }, call) => fileOf(call, id, false),
  'documents:folder': (_input, { db }) => getDocumentsFolder(db),
  'documents:setFolder': ({ path }, call) => setDocumentsFolder(services(call), path),
  'documents:resetFolder': (_input, call) => resetDocumentsFolder(services(call)),
  'documents:verify': (input, { db }) => verifyDocument(db, input)
}
