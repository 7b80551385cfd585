/** The playground's unsaved draft (one per browser): survives a reload, an update, a closed tab. */
export const DRAFT_KEY = 'layerwise:playground';

export interface Draft {
  dockerfile: string;
  project: string;
}

export function readDraft(): Draft | null {
  try {
    const value = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    return value && typeof value.dockerfile === 'string' && typeof value.project === 'string' ? { dockerfile: value.dockerfile, project: value.project } : null;
  } catch {
    return null; // storage blocked or a draft from something else: start from the example
  }
}

export function writeDraft(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // storage full or blocked: the share link still holds the text
  }
}

