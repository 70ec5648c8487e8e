import { inject, onBeforeUnmount, onMounted, provide } from 'vue';

type Refetch = () => unknown;
interface MeRefresh {
  register(refetch: Refetch): () => void;
  refreshAll(): Promise<void>;
}

const KEY = 'evikomp:me-refresh';
const MIN_INTERVAL_MS = 1000;

/**
 * The me page's data is fetched again when the page is opened (every query is cache-and-network), when the tab
 * becomes visible or the window gets focus again, and after every change made here; so a place freed by an
 * administrator shows as "bekräftad" without reloading the browser.
 */
export function provideMeRefresh(): MeRefresh {
  const refetches = new Set<Refetch>();
  let last = 0;
  const refresh: MeRefresh = {
    register(refetch) {
      refetches.add(refetch);
      return () => refetches.delete(refetch);
    },
    async refreshAll() {
      last = Date.now();
      await Promise.allSettled([...refetches].map((refetch) => refetch()));
    },
  };
  provide(KEY, refresh);

  // Focus and visibility change often come together: one refresh for both.
  const onReturn = () => {
    if (document.visibilityState !== 'visible' || Date.now() - last < MIN_INTERVAL_MS) return;
    void refresh.refreshAll();
  };
  onMounted(() => {
    document.addEventListener('visibilitychange', onReturn);
    window.addEventListener('focus', onReturn);
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onReturn);
    window.removeEventListener('focus', onReturn);
  });
  return refresh;
}

/** Registers this section's refetch with the page (if given) and answers how to refresh everything after a change. */
export function useMeRefresh(refetch?: Refetch): () => Promise<void> {
  const refresh = inject<MeRefresh | null>(KEY, null);
  if (refetch && refresh) {
    const unregister = refresh.register(refetch);
    onBeforeUnmount(unregister);
  }
  return async () => {
    if (refresh) await refresh.refreshAll();
    else await refetch?.();
  };
}
