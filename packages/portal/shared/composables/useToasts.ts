import { inject, provide, reactive } from 'vue';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface Toasts {
  items: Toast[];
  show(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

// A string key, not a Symbol: every microfrontend bundles its own copy of this package and must find the shell's.
const TOASTS_KEY = 'evikomp:toasts';

export function createToasts(timeoutMs = 8000): Toasts {
  let next = 1;
  const toasts: Toasts = reactive({
    items: [] as Toast[],
    show(kind: Toast['kind'], text: string) {
      const id = next++;
      toasts.items.push({ id, kind, text });
      if (kind !== 'error') setTimeout(() => toasts.dismiss(id), timeoutMs);
    },
    dismiss(id: number) {
      const index = toasts.items.findIndex((toast) => toast.id === id);
      if (index >= 0) toasts.items.splice(index, 1);
    },
  });
  return toasts;
}

export function provideToasts(toasts: Toasts): void {
  provide(TOASTS_KEY, toasts);
}

export const TOASTS_INJECTION_KEY = TOASTS_KEY;

/** The shell's toasts; outside the shell (a component test) a private list. */
export function useToasts(): Toasts {
  return inject<Toasts>(TOASTS_KEY, () => createToasts(), true);
}
