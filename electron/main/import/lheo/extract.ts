import { cleanLine, richTextToPlain } from './richText'
import { tableLabel } from './tables'
import type { LheoCertification, LheoFormation, LheoOrg } from './types'
import { C } from './extractElements'
import { EMPTY_DATE, extrasJson, personName, placeFrom, type ActionDraft, type FormationDraft, type OrgDraft } from './extractDrafts'
import { certCode, certificationLevel, cleanCode, joinLines, parseCoordinate, parseEuroCents, pushClean } from './extractValues'
import { ExtractorState } from './extractorState'

/*
 * Turns the (already validated) element events of one LHEO file into LheoFormation objects.
 * The schema guarantees where each element can be, so the dispatch only looks at an element's
 * name and its parent's. State is per formation and is dropped once the formation is handed
 * over: memory does not grow with the file.
 */

export class LheoExtractor extends ExtractorState {
  /** The innermost open element closes; `text` is its character content. */
  close(text: string, line: number): void {
    if (this.extraStack.length > 0) {
      this.closeExtra(text)
      this.depth--
      return
    }
    const d = this.depth
    const code = this.path[d - 1] ?? 0
    if (code !== 0) this.closeElement(code, this.names[d - 1] ?? '', d >= 2 ? (this.path[d - 2] ?? 0) : 0, d >= 3 ? (this.path[d - 3] ?? 0) : 0, text, line)
    this.depth--
  }

  private closeElement(code: number, name: string, parent: number, grand: number, text: string, line: number): void {
    const f = this.formation
    if (f === null) return
    const a = this.action
    switch (code) {
      // --- formation ------------------------------------------------------------------------
      case C['code-FORMACODE']: {
        const code = cleanLine(text)
        if (parent === C['domaine-formation'] && code !== null) {
          f.formacodes.push({ code, ref: this.formacodeAttrs?.ref ?? null, principal: this.formacodeAttrs?.principal ?? false })
        }
        this.formacodeAttrs = null
        return
      }
      case C['code-NSF']:
        if (parent === C['domaine-formation']) pushClean(f.nsf, text)
        return
      case C['code-ROME']:
        if (parent === C['domaine-formation']) pushClean(f.rome, text)
        return
      case C['intitule-formation']:
        f.title = cleanLine(text) ?? ''
        return
      case C['objectif-formation']:
        f.objectives = richTextToPlain(text)
        return
      case C['resultats-attendus']:
        f.expectedResults = richTextToPlain(text)
        return
      case C['contenu-formation']:
        f.content = richTextToPlain(text)
        return
      case C['certifiante']:
        f.certifying = text.trim() === '1' ? true : text.trim() === '0' ? false : null
        return
      case C['objectif-general-formation']: {
        const value = text.trim()
        this.code('dict-AIS', value, name, line, "d'objectif général")
        f.objectiveCode = Number(value)
        return
      }
      case C['code-niveau-entree']: {
        f.accessLevelCode = text.trim()
        return
      }
      case C['code-niveau-sortie']:
        if (parent === C['formation']) f.exitLevelCode = text.trim()
        return
      case C['code-RNCP']:
      case C['code-RS']: {
        if (parent !== C['certification']) return
        const kind = code === C['code-RNCP'] ? 'RNCP' : 'RS'
        const value = certCode(kind, text)
        if (value !== null) f.certifications.push({ kind, code: value })
        return
      }
      case C['urlweb']: {
        const url = cleanLine(text)
        if (parent === C['url-formation'] && grand === C['formation']) f.url ??= url
        else if (parent === C['web'] && this.coord) this.coord.web ??= url
        return
      }
      case C['formation']:
        this.finishFormation(f)
        return
      // --- organisations ----------------------------------------------------------------------
      case C['numero-activite']:
        if (this.org) this.org.nda = cleanCode(text)
        return
      case C['SIRET']: {
        const target = parent === C['SIRET-organisme-formation'] ? this.org : parent === C['SIRET-formateur'] ? this.trainer : null
        if (target) target.siret = this.siret(text, this.names[this.depth - 2] ?? name, line)
        return
      }
      case C['nom-organisme']:
        if (this.org) this.org.nomOrganisme = cleanLine(text)
        return
      case C['raison-sociale']:
        if (this.org) this.org.raisonSociale = cleanLine(text)
        return
      case C['raison-sociale-formateur']:
        if (this.trainer) this.trainer.raisonSociale = cleanLine(text)
        return
      case C['organisme-formation-responsable']:
        if (this.org) f.responsibleOrg = this.finishOrg(this.org)
        this.org = null
        return
      case C['organisme-formateur']:
        if (a && this.trainer) {
          if (a.trainerOrg === null) {
            a.trainerOrg = this.finishOrg(this.trainer)
            a.trainerContacts = this.trainer.contacts
          } else {
            this.warning(`Plusieurs organismes formateurs pour l'action ${a.intercarifId ?? ''} : seul le premier est repris (ligne ${line}).`, name, this.trainer.line)
          }
        }
        this.trainer = null
        return
      // --- coordinates and addresses ----------------------------------------------------------
      case C['civilite']:
        if (this.coord && parent === C['coordonnees']) this.coord.civilite = text
        return
      case C['nom']:
        if (this.coord && parent === C['coordonnees']) this.coord.nom = text
        return
      case C['prenom']:
        if (this.coord && parent === C['coordonnees']) this.coord.prenom = text
        return
      case C['ligne']:
        if (parent === C['adresse'] && this.address) this.address.lines.push(text)
        else if (parent === C['coordonnees'] && this.coord) this.coord.lines.push(text)
        return
      case C['denomination']:
        if (this.address) this.address.denomination = text
        return
      case C['codepostal']:
        if (this.address) this.address.postalCode = text
        return
      case C['ville']:
        if (this.address) this.address.city = text
        return
      case C['code-INSEE-commune']:
        if (this.address) this.address.insee = text
        return
      case C['region']:
        if (this.address) this.address.region = text
        return
      case C['latitude']:
      case C['longitude']: {
        if (!this.address) return
        const v = parseCoordinate(text, code === C['latitude'] ? 90 : 180)
        if (v === 'invalid') {
          this.warning(`Coordonnée GPS illisible « ${text.trim()} » dans <${name}> ligne ${line} : ignorée.`, name, line)
          return
        }
        if (code === C['latitude']) this.address.latitude = v
        else this.address.longitude = v
        return
      }
      case C['numtel']:
        if (!this.coord) return
        if (parent === C['telfixe']) this.coord.telfixe ??= cleanLine(text)
        else if (parent === C['portable']) this.coord.portable ??= cleanLine(text)
        return
      case C['courriel']:
        if (this.coord) this.coord.email = cleanLine(text)
        return
      case C['adresse']: {
        const addr = this.address
        this.address = null
        if (addr === null) return
        if (parent === C['coordonnees'] && this.coord) this.coord.address = addr
        else if (parent === C['adresse-inscription'] && this.session) this.session.place = placeFrom(null, addr)
        else if (parent === C['adresse-information'] && a) a.registrationPlace = placeFrom(null, addr)
        return
      }
      case C['coordonnees']: {
        const c = this.coord
        this.coord = null
        if (c === null) return
        if (parent === C['lieu-de-formation'] && a) a.trainingPlaces.push(placeFrom(c, c.address))
        else if (parent === C['coordonnees-organisme'] && this.org) this.org.coords = c
        else if (parent === C['contact-organisme'] && this.org) this.org.contacts.push(c)
        else if (parent === C['contact-formateur'] && this.trainer) this.trainer.contacts.push(c)
        return
      }
      default:
        break
    }
    if (a === null) return
    switch (code) {
      // --- action -----------------------------------------------------------------------------
      case C['rythme-formation']:
        a.rhythm = richTextToPlain(text)
        return
      case C['modalites-enseignement']:
        a.teachingModality = this.code('dict-modalites-enseignement', text.trim(), name, line, "de modalité d'enseignement")
        return
      case C['conditions-specifiques']:
        a.prerequisites = richTextToPlain(text)
        return
      case C['modalites-recrutement']:
        if (parent === C['action']) a.admissionConditions = richTextToPlain(text)
        return
      case C['modalites-entrees-sorties']: {
        const v = text.trim()
        a.entryMode = v === '0' ? 'fixed' : v === '1' ? 'permanent' : null
        return
      }
      case C['prix-total-TTC']:
      case C['prix-horaire-TTC']: {
        const cents = parseEuroCents(text)
        if (cents === null) this.warning(`Prix illisible « ${text.trim()} » dans <${name}> ligne ${line} : ignoré.`, name, line)
        if (code === C['prix-total-TTC']) a.priceTotalCents = cents
        else a.priceHourlyCents = cents
        return
      }
      case C['detail-conditions-prise-en-charge']:
        a.priceDetails = richTextToPlain(text)
        return
      case C['frais-restants']:
        a.fraisRestants = richTextToPlain(text)
        return
      case C['nombre-heures-centre']:
        a.hoursCentre = this.int(text, name, line)
        return
      case C['nombre-heures-entreprise']:
        a.hoursCompany = this.int(text, name, line)
        return
      case C['nombre-heures-total']:
        a.hoursTotal = this.int(text, name, line)
        return
      case C['code-financeur']:
        if (this.funder) {
          this.funder.code = text.trim()
          this.funder.label = this.code('dict-financeurs', this.funder.code, name, line, 'financeur')
        }
        return
      case C['nb-places-financees']:
        if (this.funder) this.funder.places = this.int(text, name, line)
        return
      case C['organisme-financeur']:
        if (this.funder) a.funders.push({ code: this.funder.code, label: this.funder.label, places: this.funder.places, extras: extrasJson(this.funder) })
        this.funder = null
        return
      case C['action']:
        this.finishAction(a)
        return
      default:
        break
    }
    const s = this.session
    if (s === null) return
    switch (code) {
      // --- session ----------------------------------------------------------------------------
      case C['debut']:
      case C['fin']: {
        if (parent !== C['periode']) return
        const bound = code === C['debut'] ? 'start' : 'end'
        if (grand === C['session']) {
          if (bound === 'start') s.start = this.date(text, bound, name, line)
          else s.end = this.date(text, bound, name, line)
        } else if (grand === C['periode-inscription']) {
          if (bound === 'start') s.registrationStart = this.date(text, bound, name, line)
          else s.registrationEnd = this.date(text, bound, name, line)
        }
        return
      }
      case C['etat-recrutement']: {
        const v = text.trim()
        s.recruitmentState = v === '1' ? 'open' : v === '2' ? 'closed' : v === '3' ? 'suspended' : null
        return
      }
      case C['session']: {
        a.sessions.push({
          intercarifId: s.intercarifId,
          start: s.start ?? EMPTY_DATE(''),
          end: s.end ?? EMPTY_DATE(''),
          registrationStart: s.registrationStart,
          registrationEnd: s.registrationEnd,
          place: s.place,
          recruitmentState: s.recruitmentState,
          extras: extrasJson(s),
          line: s.line
        })
        this.sessions++
        this.session = null
        this.sessionDepth = 0
        return
      }
      default:
        return
    }
  }

  private finishOrg(o: OrgDraft): LheoOrg {
    const main = o.coords
    const contact = o.contacts[0] ?? null
    const address = main?.address ?? contact?.address ?? null
    return {
      intercarifId: o.numero,
      name: o.raisonSociale ?? o.nomOrganisme,
      siret: o.siret,
      nda: o.nda,
      addressLine1: address ? joinLines(address.lines) : null,
      postalCode: cleanCode(address?.postalCode ?? null),
      city: cleanLine(address?.city ?? null),
      phone: main?.telfixe ?? main?.portable ?? contact?.telfixe ?? contact?.portable ?? null,
      email: main?.email ?? contact?.email ?? null,
      web: main?.web ?? contact?.web ?? null
    }
  }

  private finishAction(a: ActionDraft): void {
    const f = this.formation
    if (f === null) return
    const funderPlaces = a.funders.map((x) => x.places).filter((p): p is number => p !== null)
    const trainers = a.trainerContacts.map(personName).filter((n): n is string => n !== null)
    const priceDetails = [a.priceDetails, a.fraisRestants === null ? null : `Frais restants : ${a.fraisRestants}`].filter((p): p is string => p !== null)
    f.actions.push({
      intercarifId: a.intercarifId,
      places: funderPlaces.length > 0 ? funderPlaces.reduce((x, y) => x + y, 0) : null,
      hoursTotal: a.hoursTotal,
      hoursCentre: a.hoursCentre,
      hoursCompany: a.hoursCompany,
      rhythm: a.rhythm,
      entryMode: a.entryMode,
      teachingModality: a.teachingModality,
      admissionConditions: a.admissionConditions,
      prerequisites: a.prerequisites,
      priceTotalCents: a.priceTotalCents,
      priceHourlyCents: a.priceHourlyCents,
      priceDetails: priceDetails.length > 0 ? priceDetails.join('\n\n') : null,
      funders: a.funders,
      trainerOrg: a.trainerOrg,
      trainers: trainers.length > 0 ? trainers.join(', ') : null,
      place: a.trainingPlaces[0] ?? null,
      trainingPlaces: a.trainingPlaces,
      registrationPlace: a.registrationPlace,
      sessions: a.sessions,
      extras: extrasJson(a),
      line: a.line
    })
    this.actions++
    this.action = null
    this.actionDepth = 0
  }

  private finishFormation(f: FormationDraft): void {
    const principal = f.formacodes.find((c) => c.principal) ?? f.formacodes[0] ?? null
    const cert = f.certifications[0] ?? null
    const certification: LheoCertification | null = cert ? { ...cert, level: certificationLevel(f.exitLevelCode) } : null
    const accessCode = f.accessLevelCode
    const formation: LheoFormation = {
      intercarifId: f.numero,
      title: f.title,
      formacode: principal?.code ?? null,
      formacodeVersion: principal?.ref ?? null,
      secondaryFormacodes: f.formacodes.filter((c) => c !== principal).map((c) => c.code),
      nsfCodes: f.nsf,
      romeCodes: f.rome,
      objectiveCode: f.objectiveCode,
      objectives: f.objectives,
      expectedResults: f.expectedResults,
      content: f.content,
      certifying: f.certifying,
      certification,
      totalHours: f.actions.find((x) => x.hoursTotal !== null)?.hoursTotal ?? null,
      accessLevel: accessCode === null || accessCode === '0' ? null : tableLabel('dict-niveaux', accessCode),
      accessLevelCode: accessCode,
      responsibleOrg: f.responsibleOrg,
      url: f.url,
      createdOn: f.createdOn,
      updatedOn: f.updatedOn,
      actions: f.actions,
      extras: extrasJson(f),
      line: f.line
    }
    this.formations++
    this.formation = null
    this.formationDepth = 0
    this.sink(formation)
  }
}
