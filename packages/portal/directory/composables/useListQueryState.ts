import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';

export interface ListState {
  search: string;
  sort: string;
  direction: 'ASC' | 'DESC';
  /** Cursor of the page shown (null: the first page). */
  after: string | null;
  /** Cursors of the earlier pages, oldest first ('' for the first), so "previous" works from a bookmark too. */
  back: string[];
}

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');

/** A list's search, sort and page, kept in the URL query so that a view can be bookmarked and shared. */
export function useListQueryState(defaults: { sort: string; sorts: readonly string[] }) {
  const route = useRoute();
  const router = useRouter();

  const state = computed<ListState>(() => {
    const sort = one(route.query.sort);
    return {
      search: one(route.query.q) ?? '',
      sort: sort && defaults.sorts.includes(sort) ? sort : defaults.sort,
      direction: one(route.query.dir) === 'DESC' ? 'DESC' : 'ASC',
      after: one(route.query.after) || null,
      back: many(route.query.back),
    };
  });

  function write(next: ListState) {
    const query: Record<string, string | string[]> = {};
    if (next.search) query.q = next.search;
    if (next.sort !== defaults.sort) query.sort = next.sort;
    if (next.direction !== 'ASC') query.dir = next.direction;
    if (next.after) {
      query.after = next.after;
      query.back = next.back;
    }
    return router.push({ query });
  }

  return {
    state,
    /** A new search or sort starts again at the first page. */
    setSearch: (search: string) => write({ ...state.value, search: search.trim(), after: null, back: [] }),
    setSort: (sort: string, direction: 'ASC' | 'DESC') => write({ ...state.value, sort, direction, after: null, back: [] }),
    next: (endCursor: string) => write({ ...state.value, after: endCursor, back: [...state.value.back, state.value.after ?? ''] }),
    previous: () => {
      const back = state.value.back.slice(0, -1);
      const after = state.value.back.at(-1) || null;
      return write({ ...state.value, after, back: after ? back : [] });
    },
  };
}
