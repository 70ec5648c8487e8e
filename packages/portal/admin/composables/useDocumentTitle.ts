import { onMounted, toValue, watch, type MaybeRefOrGetter } from 'vue';

/** Sets `document.title` for the page while it is shown ("Nätverk – Evikomp"), following a name that loads or the language. */
export function useDocumentTitle(title: MaybeRefOrGetter<string | null | undefined>): void {
  const apply = () => {
    const text = toValue(title);
    document.title = text ? `${text} – Evikomp` : 'Evikomp';
  };
  onMounted(apply);
  watch(() => toValue(title), apply);
}
