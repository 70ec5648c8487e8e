// @primevue/core declares no default export for its root style object (the one whose `loadCSS` injects "base").
declare module '@primevue/core/base/style' {
  const BaseStyle: { loadCSS(options?: unknown): unknown };
  export default BaseStyle;
}
