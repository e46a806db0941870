import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import type {
  CampaignMode,
  PlanContentDraft,
  PlanDocType,
  PlanKind,
  PlanStatus,
} from '../../../shared/campaign';

/**
 * Reading an existing plan document (POST /api/plans/import) and creating a draft from the
 * confirmed fields (POST /api/plans). Nothing is saved by the reading itself.
 */

/** What the reader found in the text; absent values are null or []. */
export type FoundPlan = {
  kind: PlanKind;
  documentNumber: string | null;
  documentSymbol: string | null;
  issuedOn: string | null;
  issuedYear: number | null;
  place: string | null;
  issuer: string | null;
  title: string | null;
  legalBases: { text: string; number: string | null; date: string | null }[];
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  deadlines: { text: string; date: string }[];
  participants: { collectives: string[]; individuals: string[]; excluded: string[] };
  contents: string[];
  criteria: { collective: string[]; individual: string[] };
  rewards: { form: string; issuerTitle: string | null; amountVnd: number | null }[];
  quotas: {
    scope: 'collective' | 'individual';
    level: string | null;
    maxCount: number | null;
    maxPercent: number | null;
  }[];
  dossier: string[];
  prizes: { rank: string; count: number | null; recipient: 'collective' | 'individual' | null }[];
  entryQuotas: { unitType: string; minEntries: number }[];
  signer: { title: string | null; name: string | null } | null;
  recipients: string[];
};

/** Where a value came from: `field` is its path in FoundPlan ("legalBases.0"). */
export type Evidence = { field: string; excerpt: string; start: number; end: number };

/** The CreatePlan body the reading maps to, minus the issuing unit. */
export type PlanDraft = {
  kind: PlanKind;
  mode: CampaignMode | null;
  docType: PlanDocType;
  issuerSymbol: string;
  place: string | null;
  title: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  cascadeDeadline: string | null;
  parentPlanId: number | null;
  content: PlanContentDraft;
};

export type PlanReading = {
  text: string;
  found: FoundPlan;
  evidence: Record<string, Evidence[]>;
  draft: PlanDraft;
};

export type ReadSource = { file: File } | { text: string };

export function useReadPlan() {
  return useMutation({
    mutationFn: (source: ReadSource) => {
      if ('file' in source) {
        const form = new FormData();
        form.append('file', source.file, source.file.name);
        return api.upload<PlanReading>('/api/plans/import', form);
      }
      return api.post<PlanReading>('/api/plans/import', { text: source.text });
    },
  });
}

export type CreatePlanBody = Omit<PlanDraft, 'place' | 'title'> & {
  /** The draft comes from this reading: values kept as they are (decision 017). */
  importReview?: { confirmed: string[] };
  issuingUnitId: Id;
  place: string;
  title: string;
};

export type CreatedPlan = { id: Id; status: PlanStatus; title: string };

export function useCreatePlanFromImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api.post<CreatedPlan>('/api/plans', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}
