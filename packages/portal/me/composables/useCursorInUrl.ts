import { computed } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';

const one = (value: LocationQueryValue | LocationQueryValue[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const many = (value: LocationQueryValue | LocationQueryValue[] | undefined) =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((item) => item ?? '');

/** One list's page on a page with several: its cursor and the earlier ones in the URL under `<key>` and `<key>Back`. */
export function useCursorInUrl(key: string) {
  const route = useRoute();
  const router = useRouter();
  const after = computed(() => one(route.query[key]) || null);
  const back = computed(() => many(route.query[`${key}Back`]));

  function write(nextAfter: string | null, nextBack: string[]) {
    const query = { ...route.query };
    delete query[key];
    delete query[`${key}Back`];
    if (nextAfter) Object.assign(query, { [key]: nextAfter, [`${key}Back`]: nextBack });
    return router.push({ query });
  }

  return {
    after,
    hasPrevious: computed(() => after.value !== null),
    /** Number of rows on the earlier pages. */
    offset: (pageSize: number) => back.value.length * pageSize,
    next: (endCursor: string) => write(endCursor, [...back.value, after.value ?? '']),
    previous: () => {
      const previous = back.value.at(-1) || null;
      return write(previous, previous ? back.value.slice(0, -1) : []);
    },
  };
}
