import { createHash } from 'node:crypto'
import type { DocumentVerification } from '@shared/api/areas/documents'
import { AppError } from '@shared/api/result'
import { formatDateFr } from '@shared/domain/dates'
import { findCodeInPdf, formatCode, normaliseCode } from '@shared/domain/verificationCode'
import type { Db } from '../../db/open'
import { getDocument } from './documentRegister'

/*
 * Checks a document against the register: a PDF file (its SHA-256 is looked up; failing that, the
 * code written in its metadata) or a code typed from the footer. A file whose code is known but
 * whose bytes differ from the recorded ones is reported as altered (or a copy that is not the
 * original file, e.g. re-saved by another program).
 */

const MAX_BYTES = 40 * 1024 * 1024

export function verifyDocument(db: Db, input: { base64?: string | undefined; code?: string | undefined }): DocumentVerification {
  let sha256: string | null = null
  let code: string | null = null
  if (input.base64 !== undefined) {
    const bytes = Buffer.from(input.base64, 'base64')
    if (bytes.length === 0) throw new AppError('invalid_input', 'Le fichier est vide.')
    if (bytes.length > MAX_BYTES) throw new AppError('invalid_input', 'Le fichier dépasse 40 Mo : ce n’est pas un document généré par Passerelle.')
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('invalid_input', 'Ce fichier n’est pas un PDF.')
    sha256 = createHash('sha256').update(bytes).digest('hex')
    const byHash = db.prepare<[string], { id: number }>('SELECT id FROM generated_document WHERE sha256 = ? ORDER BY id LIMIT 1').get(sha256)
    if (byHash) return result(db, byHash.id, sha256, true)
    code = findCodeInPdf(bytes.toString('latin1'))
  }
  if (input.code !== undefined) {
    const typed = normaliseCode(input.code)
    if (!typed) throw new AppError('invalid_input', 'Code de vérification invalide : 10 caractères (lettres et chiffres 2 à 7), par exemple K7QX2-MA4PD.')
    if (code && code !== typed) {
      return { found: false, sha256, sha256Match: false, code: typed, document: null, message: `Le code saisi (${formatCode(typed)}) n’est pas celui inscrit dans le fichier (${formatCode(code)}) : document suspect.` }
    }
    code = typed
  }
  if (!code) {
    if (sha256) return { found: false, sha256, sha256Match: false, code: null, document: null, message: 'Document inconnu : ce fichier ne figure pas au registre et ne porte aucun code Passerelle lisible.' }
    throw new AppError('invalid_input', 'Choisissez un fichier PDF ou saisissez le code de vérification.')
  }
  const byCode = db.prepare<[string], { id: number; sha256: string }>('SELECT id, sha256 FROM generated_document WHERE verification_code = ?').get(code)
  if (!byCode) return { found: false, sha256, sha256Match: sha256 === null ? null : false, code, document: null, message: `Aucun document du registre ne porte le code ${formatCode(code)}.` }
  return result(db, byCode.id, sha256, sha256 === null ? null : byCode.sha256 === sha256)
}

function result(db: Db, id: number, sha256: string | null, match: boolean | null): DocumentVerification {
  const doc = getDocument(db, id)
  const superseded = doc.supersededById !== null ? getDocument(db, doc.supersededById) : null
  const who = `${doc.kindLabel}${doc.traineeName ? ` de ${doc.traineeName}` : doc.sessionLabel ? ` – ${doc.sessionLabel}` : ''}, généré le ${formatDateFr(doc.generatedAt.slice(0, 10))} par ${doc.generatedBy}`
  const message =
    match === false
      ? `Document ALTÉRÉ : le code ${doc.verificationCode ? formatCode(doc.verificationCode) : ''} correspond au registre (${who}), mais le contenu du fichier diffère de l’original (empreinte SHA-256 différente).`
      : `Document authentique : ${who}${match === null ? ' (code reconnu ; joignez le fichier pour comparer son empreinte)' : ' ; le fichier est identique à l’original'}.` +
        (superseded ? ` Attention : il a été remplacé le ${formatDateFr(superseded.generatedAt.slice(0, 10))}${superseded.verificationCode ? ` par le document ${formatCode(superseded.verificationCode)}` : ''}.` : '')
  return {
    found: true,
    sha256,
    sha256Match: match,
    code: doc.verificationCode,
    document: {
      id: doc.id,
      kindLabel: doc.kindLabel,
      subject: doc.traineeName ?? doc.sessionLabel,
      period: doc.period,
      fileName: doc.fileName,
      generatedAt: doc.generatedAt,
      generatedBy: doc.generatedBy,
      supersededBy: superseded ? { id: superseded.id, generatedAt: superseded.generatedAt, code: superseded.verificationCode } : null
    },
    message
  }
}
