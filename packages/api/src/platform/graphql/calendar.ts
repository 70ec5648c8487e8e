/** Kept for the files that still import "today" from here; Swedish time lives in `platform/swedish-time.ts`. */
export { todayInSweden } from '../swedish-time.js';
