import {
  Evidence,
  PlanImportJson,
  type Evidence as EvidenceT,
  type Scope,
} from '../../../../shared/plan-reading';

// The reading's shape is shared with the web (shared/plan-reading.ts).
export { Evidence, PlanImportJson, type Scope };

/** `evidence` is keyed by top-level field name; each entry names its full path. */
export type PlanReading = { result: PlanImportJson; evidence: Record<string, EvidenceT[]> };

export function emptyPlan(): PlanImportJson {
  return {
    kind: 'campaign',
    documentNumber: null,
    documentSymbol: null,
    issuedOn: null,
    issuedYear: null,
    place: null,
    issuer: null,
    title: null,
    legalBases: [],
    periodStart: null,
    periodEnd: null,
    registrationDeadline: null,
    deadlines: [],
    participants: { collectives: [], individuals: [], excluded: [] },
    contents: [],
    criteria: { collective: [], individual: [] },
    rewards: [],
    quotas: [],
    dossier: [],
    prizes: [],
    entryQuotas: [],
    signer: null,
    recipients: [],
  };
}
