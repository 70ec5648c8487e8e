import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';

export interface ListState {
  search: string;
  /** Cursor of the page shown (null: the first page). */
  after: string | null;
  /** Cursors of the earlier pages, oldest first ('' for the first), so "previous" works from a bookmark too. */
  back: string[];
}

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');

/**
 * A list's search and page in the URL query (`q`, `after`, `back`), so that a view can be bookmarked and shared.
 * `prefix` keeps two lists on one page apart (`reg.after`).
 */
export function useListQueryState(prefix = '') {
  const route = useRoute();
  const router = useRouter();
  const key = (name: string) => (prefix ? `${prefix}.${name}` : name);

  const state = computed<ListState>(() => ({
    search: one(route.query[key('q')]) ?? '',
    after: one(route.query[key('after')]) || null,
    back: many(route.query[key('back')]),
  }));

  function write(next: ListState) {
    const query: Record<string, string | string[] | null | LocationQueryValue[]> = { ...route.query };
    for (const name of ['q', 'after', 'back']) delete query[key(name)];
    if (next.search) query[key('q')] = next.search;
    if (next.after) {
      query[key('after')] = next.after;
      query[key('back')] = next.back;
    }
    return router.push({ query });
  }

  return {
    state,
    /** A new search starts again at the first page. */
    setSearch: (search: string) => write({ search: search.trim(), after: null, back: [] }),
    next: (endCursor: string) => write({ ...state.value, after: endCursor, back: [...state.value.back, state.value.after ?? ''] }),
    previous: () => {
      const back = state.value.back.slice(0, -1);
      const after = state.value.back.at(-1) || null;
      return write({ ...state.value, after, back: after ? back : [] });
    },
    /** Number of the first row shown, for a page size. */
    first: (pageSize: number) => state.value.back.length * pageSize + 1,
  };
}
