import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';

export interface ListState {
  search: string;
  /** The order ('' when the list has none to choose). */
  sort: string;
  direction: 'ASC' | 'DESC';
  /** Cursor of the page shown (null: the first page). */
  after: string | null;
  /** Cursors of the earlier pages, oldest first ('' for the first), so "previous" works from a bookmark too. */
  back: string[];
  /** The list's own filters by their URL name (e.g. `organisation`), '' when not set. */
  filters: Record<string, string>;
}

export interface ListQueryOptions {
  /** The default order, left out of the URL. */
  sort?: string;
  /** The orders the list offers; another `sort` in the URL means the default. */
  sorts?: readonly string[];
  direction?: 'ASC' | 'DESC';
  /** The URL names of the list's filters. */
  filters?: readonly string[];
  /** The values a filter may take; another value in the URL means none (e.g. an enum the API would refuse). */
  filterValues?: Readonly<Record<string, readonly string[]>>;
  /** Written before every URL name, to keep two lists of one page apart: `h` (`hafter`), `reg.` (`reg.after`). */
  prefix?: string;
}

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');

/**
 * A list's search, filters, sort and page, kept in the URL query so that a view can be bookmarked and shared; the
 * other query parameters of the page stay as they are.
 */
export function useListQueryState(options: ListQueryOptions = {}) {
  const route = useRoute();
  const router = useRouter();
  const p = options.prefix ?? '';
  const defaultSort = options.sort ?? '';
  const defaultDirection = options.direction ?? 'ASC';
  const filterNames = options.filters ?? [];

  function filterValue(name: string): string {
    const value = one(route.query[`${p}${name}`]) ?? '';
    const allowed = options.filterValues?.[name];
    return !allowed || allowed.includes(value) ? value : '';
  }

  const state = computed<ListState>(() => {
    const sort = one(route.query[`${p}sort`]);
    const direction = one(route.query[`${p}dir`]);
    return {
      search: one(route.query[`${p}q`]) ?? '',
      sort: sort && options.sorts?.includes(sort) ? sort : defaultSort,
      direction: direction === 'DESC' || direction === 'ASC' ? direction : defaultDirection,
      after: one(route.query[`${p}after`]) || null,
      back: many(route.query[`${p}back`]),
      filters: Object.fromEntries(filterNames.map((name) => [name, filterValue(name)])),
    };
  });

  function write(next: ListState) {
    const query: Record<string, string | string[]> = {};
    const own = new Set(['q', 'sort', 'dir', 'after', 'back', ...filterNames].map((name) => `${p}${name}`));
    for (const [key, value] of Object.entries(route.query)) {
      if (!own.has(key) && value !== null && value !== undefined) query[key] = value as string | string[];
    }
    if (next.search) query[`${p}q`] = next.search;
    for (const name of filterNames) if (next.filters[name]) query[`${p}${name}`] = next.filters[name]!;
    if (next.sort !== defaultSort) query[`${p}sort`] = next.sort;
    if (next.direction !== defaultDirection) query[`${p}dir`] = next.direction;
    if (next.after) {
      query[`${p}after`] = next.after;
      query[`${p}back`] = next.back;
    }
    return router.push({ query });
  }

  const first = { after: null, back: [] };
  return {
    state,
    /** A new search, filter or sort starts again at the first page. */
    setSearch: (search: string) => write({ ...state.value, search: search.trim(), ...first }),
    setFilter: (name: string, value: string) => write({ ...state.value, filters: { ...state.value.filters, [name]: value }, ...first }),
    /** The search and the filters of a search form, in one step (one history entry). */
    apply: (search: string, filters: Record<string, string>) =>
      write({ ...state.value, search: search.trim(), filters: { ...state.value.filters, ...filters }, ...first }),
    setSort: (sort: string, direction: 'ASC' | 'DESC') => write({ ...state.value, sort, direction, ...first }),
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
