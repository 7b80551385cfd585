/**
 * Fired on document just before an update reloads the page (src/client/offline/register.ts):
 * pages with unsaved work (the exercise editor, the playground) save it at once. Its own module
 * so that pages can listen without loading the service-worker code.
 */
export const SAVE_NOW_EVENT = 'layerwise:save-now';
