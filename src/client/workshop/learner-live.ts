/**
 * The learner's live link to the workshop: the learner stream (locks, broadcast, end, deletion)
 * over server-sent events. EventSource reconnects by itself; each reconnection also tells the
 * outbox to resend what the outage held back.
 */
import type { WorkshopView } from '../../workshop/views.ts';
import { workshopPath } from './api.ts';
import type { LearnerSession } from './session.ts';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface LearnerLiveHandlers {
  onWorkshop(view: WorkshopView): void;
  onDeleted(): void;
  onState(state: LiveState): void;
}

export function connectLearner(session: LearnerSession, handlers: LearnerLiveHandlers): () => void {
  // EventSource cannot send headers: the token goes in the query (README, "API").
  const source = new EventSource(`${workshopPath(session.code, '/learner-stream')}?token=${encodeURIComponent(session.token)}`);
  handlers.onState('connecting');
  source.addEventListener('open', () => handlers.onState('live'));
  source.addEventListener('error', () => handlers.onState(source.readyState === EventSource.CLOSED ? 'refused' : 'reconnecting'));
  source.addEventListener('workshop', (event) => handlers.onWorkshop(JSON.parse((event as MessageEvent<string>).data) as WorkshopView));
  source.addEventListener('deleted', () => {
    source.close();
    handlers.onDeleted();
  });
  return () => source.close();
}
