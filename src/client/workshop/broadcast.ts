/**
 * The instructor's broadcast as learners (and the presenter) see it: the message as text and a
 * live countdown. Returns a function that stops the countdown's timer.
 */
import type { WorkshopView } from '../../workshop/views.ts';
import { fill, h } from './dom.ts';

/** "4:05", "1:02:03"; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

export function renderBroadcast(container: HTMLElement, broadcast: WorkshopView['broadcast'], now: () => number = Date.now): () => void {
  if (!broadcast || (broadcast.message === '' && broadcast.countdownEndsAt === null)) {
    container.hidden = true;
    fill(container);
    return () => undefined;
  }
  container.hidden = false;
  const clock = h('span', { class: 'countdown-time' });
  const countdown = broadcast.countdownEndsAt !== null ? h('p', { class: 'countdown' }, 'Time left: ', clock) : null;
  fill(container, h('p', { class: 'broadcast-label' }, 'From the instructor'), broadcast.message ? h('p', { class: 'broadcast-message' }, broadcast.message) : null, countdown);
  if (broadcast.countdownEndsAt === null) return () => undefined;
  const endsAt = broadcast.countdownEndsAt;
  const tick = () => {
    const left = endsAt - now();
    clock.textContent = left > 0 ? formatCountdown(left) : "time's up";
    if (left <= 0) clearInterval(timer);
  };
  const timer = setInterval(tick, 1000);
  tick();
  return () => clearInterval(timer);
}
