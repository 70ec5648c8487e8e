import { onMounted, toValue, watch, type MaybeRefOrGetter } from 'vue';

/** The product's name, last in every page title ("Arbetsplatser – Evikomp"). */
export const PRODUCT_TITLE = 'Evikomp';

/** Sets `document.title` for the page while it is shown, following its text (a name that loads, the language). */
export function useDocumentTitle(title: MaybeRefOrGetter<string | null | undefined>): void {
  const apply = () => {
    const text = toValue(title);
    document.title = text ? `${text} – ${PRODUCT_TITLE}` : PRODUCT_TITLE;
  };
  onMounted(apply);
  watch(() => toValue(title), apply);
}
