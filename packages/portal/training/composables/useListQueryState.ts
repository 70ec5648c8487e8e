import { computed } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryValue } from 'vue-router';

export interface ListState {
  search: string;
  sort: string;
  direction: 'ASC' | 'DESC';
  /** A filter of the list ('' when none). */
  filter: string;
  /** Cursor of the page shown (null: the first page). */
  after: string | null;
  /** Cursors of the earlier pages, oldest first ('' for the first), so "previous" works from a bookmark too. */
  back: string[];
}

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');

/**
 * A list's search, sort, filter and page, kept in the URL query so that a view can be bookmarked and shared.
 * `prefix` keeps two lists of one page apart (`q`, `after` ... and `queue.after` ...).
 */
export function useListQueryState(
  defaults: { sort?: string; sorts?: readonly string[]; filters?: readonly string[]; prefix?: string } = {},
) {
  const route = useRoute();
  const router = useRouter();
  const key = (name: string) => (defaults.prefix ? `${defaults.prefix}.${name}` : name);
  const defaultSort = defaults.sort ?? '';

  const state = computed<ListState>(() => {
    const sort = one(route.query[key('sort')]);
    const filter = one(route.query[key('filter')]);
    return {
      search: one(route.query[key('q')]) ?? '',
      sort: sort && defaults.sorts?.includes(sort) ? sort : defaultSort,
      direction: one(route.query[key('dir')]) === 'DESC' ? 'DESC' : 'ASC',
      filter: filter && defaults.filters?.includes(filter) ? filter : '',
      after: one(route.query[key('after')]) || null,
      back: many(route.query[key('back')]),
    };
  });

  function write(next: ListState) {
    // The other list's keys stay as they are.
    const query: LocationQuery = {};
    const own = new Set(['q', 'sort', 'dir', 'filter', 'after', 'back'].map(key));
    for (const [name, value] of Object.entries(route.query)) if (!own.has(name)) query[name] = value;
    if (next.search) query[key('q')] = next.search;
    if (next.sort !== defaultSort) query[key('sort')] = next.sort;
    if (next.direction !== 'ASC') query[key('dir')] = next.direction;
    if (next.filter) query[key('filter')] = next.filter;
    if (next.after) {
      query[key('after')] = next.after;
      query[key('back')] = next.back;
    }
    return router.push({ query });
  }

  return {
    state,
    /** A new search, sort or filter starts again at the first page. */
    setSearch: (search: string) => write({ ...state.value, search: search.trim(), after: null, back: [] }),
    setSort: (sort: string, direction: 'ASC' | 'DESC') => write({ ...state.value, sort, direction, after: null, back: [] }),
    setFilter: (filter: string) => write({ ...state.value, filter, after: null, back: [] }),
    next: (endCursor: string) => write({ ...state.value, after: endCursor, back: [...state.value.back, state.value.after ?? ''] }),
    previous: () => {
      const back = state.value.back.slice(0, -1);
      const after = state.value.back.at(-1) || null;
      return write({ ...state.value, after, back: after ? back : [] });
    },
    /** Number of the first row shown (1-based), for a page size. */
    first: (pageSize: number) => state.value.back.length * pageSize + 1,
  };
}
