import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';

/** The audit trail's filters and page, kept in the URL so that a view can be bookmarked and shared. */
export interface AuditFilters {
  /** Subject type, e.g. "ApiClient". */
  type: string;
  /** Global id of the subject. */
  subject: string;
  /** Global id of the person who made the changes. */
  actor: string;
  /** Days (YYYY-MM-DD, Swedish time), both inclusive. */
  from: string;
  to: string;
}

export interface AuditState extends AuditFilters {
  after: string | null;
  back: string[];
}

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');
const FILTERS = ['type', 'subject', 'actor', 'from', 'to'] as const;

export function useAuditQueryState() {
  const route = useRoute();
  const router = useRouter();

  const state = computed<AuditState>(() => ({
    type: one(route.query.type),
    subject: one(route.query.subject),
    actor: one(route.query.actor),
    from: one(route.query.from),
    to: one(route.query.to),
    after: one(route.query.after) || null,
    back: many(route.query.back),
  }));

  function write(next: AuditState) {
    const query: Record<string, string | string[]> = {};
    for (const key of FILTERS) if (next[key].trim()) query[key] = next[key].trim();
    if (next.after) {
      query.after = next.after;
      query.back = next.back;
    }
    return router.push({ query });
  }

  return {
    state,
    /** New filters start again at the first page. */
    setFilters: (filters: Partial<AuditFilters>) => write({ ...state.value, ...filters, after: null, back: [] }),
    clear: () => write({ type: '', subject: '', actor: '', from: '', to: '', after: null, back: [] }),
    next: (endCursor: string) => write({ ...state.value, after: endCursor, back: [...state.value.back, state.value.after ?? ''] }),
    previous: () => {
      const back = state.value.back.slice(0, -1);
      const after = state.value.back.at(-1) || null;
      return write({ ...state.value, after, back: after ? back : [] });
    },
  };
}
