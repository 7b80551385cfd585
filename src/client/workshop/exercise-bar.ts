/**
 * The exercise page in workshop mode (`/exercises/<id>/?workshop=CODE`): a bar above the
 * exercise with the workshop, the instructor's broadcast and countdown, the "I'm stuck" / "I'm
 * done" sticky notes and what is still waiting to be sent. It returns the hooks that route the
 * page's own `graded` results (the same grading path as everywhere) into the learner's outbox.
 */
import type { ExerciseHooks } from '../exercise/app.ts';
import { gradedEvent } from '../exercise/graded-event.ts';
import type { Cell } from '../../workshop/store/types.ts';
import type { WorkshopView } from '../../workshop/views.ts';
import { LIMITS } from '../../workshop/limits.ts';
import { api, ApiError, workshopPath } from './api.ts';
import { renderBroadcast } from './broadcast.ts';
import { GradedCoalescer } from './coalesce.ts';
import { browserStorage } from '../storage.ts';
import { fill, h, type Child } from './dom.ts';
import { connectLearner } from './learner-live.ts';
import { outboxText, startLearnerClient } from './learner-client.ts';
import { canonicalCode, clearSession, loadSession } from './session.ts';

export async function startWorkshopBar(root: HTMLElement, rawCode: string): Promise<ExerciseHooks> {
  const exercise = root.dataset.exercise ?? '';
  const code = canonicalCode(rawCode);
  const storage = browserStorage();
  const session = loadSession(storage, code);
  const joinHref = `/join/?code=${encodeURIComponent(code)}`;
  const bar = h('section', { class: 'workshop-bar', 'aria-label': 'Workshop' });
  root.querySelector('#notices')?.before(bar);
  if (!session) {
    fill(bar, h('p', {}, `This browser has not joined workshop ${code}, so your work here is not sent to an instructor. `, h('a', { href: joinHref }, 'Join the workshop')));
    return {};
  }

  const title = h('strong', {}, session.title || code);
  const lockNote = h('p', { class: 'workshop-bar-lock', hidden: true }, 'The instructor has locked this exercise for now: wait for the signal to start.');
  const broadcast = h('div', { class: 'broadcast', role: 'status', 'aria-live': 'polite', hidden: true });
  const stuck = h('button', { type: 'button', class: 'button sticky-stuck', 'aria-pressed': 'false' }, "I'm stuck");
  const done = h('button', { type: 'button', class: 'button sticky-done', 'aria-pressed': 'false' }, "I'm done");
  const status = h('p', { class: 'workshop-bar-status', role: 'status' });
  const connection = h('span', {});
  fill(
    bar,
    h('p', { class: 'workshop-bar-title' }, 'Workshop ', title, ` · you are ${session.name} · `, h('a', { href: joinHref }, "All of the workshop's exercises")),
    broadcast,
    lockNote,
    h('div', { class: 'workshop-bar-actions' }, stuck, done, status),
    h('p', { class: 'workshop-bar-connection' }, connection),
  );

  const client = startLearnerClient(session, storage, (state) => (status.textContent = outboxText(state)));
  let workshop: WorkshopView | null = null;
  let stopCountdown: () => void = () => undefined;
  const setStuck = (on: boolean) => {
    stuck.setAttribute('aria-pressed', String(on));
    stuck.textContent = on ? "I'm stuck: hand raised (click to lower)" : "I'm stuck";
  };
  const apply = (view: WorkshopView) => {
    workshop = view;
    title.textContent = view.title;
    lockNote.hidden = !view.locked.includes(exercise);
    stopCountdown();
    stopCountdown = renderBroadcast(broadcast, view.ended ? null : view.broadcast);
    stuck.disabled = done.disabled = view.ended;
    if (view.ended) {
      client.outbox.stop();
      status.textContent = 'The workshop has ended: nothing more is sent.';
    }
  };

  // Sending stops for good when the workshop says this page's work does not belong to it.
  let accepting = true;
  let disconnect: () => void = () => undefined;
  const refuse = (...message: Child[]) => {
    accepting = false;
    client.outbox.stop();
    disconnect();
    stopCountdown();
    fill(bar, h('p', {}, ...message));
  };
  // In the background: the editor must not wait for the server (it may be down; the outbox copes).
  void (async () => {
    try {
      const me = await api<{ workshop: WorkshopView; progress: Cell[] }>(workshopPath(code, '/me'), { credential: session.token });
      if (!me.workshop.exercises.includes(exercise)) {
        refuse(`This exercise is not part of the workshop “${me.workshop.title}”, so your work here is not sent. `, h('a', { href: joinHref }, "See the workshop's exercises"));
        return;
      }
      const cell = me.progress.find((c) => c.exercise === exercise);
      setStuck(cell?.stuck ?? false);
      if (cell?.status === 'done') done.setAttribute('aria-pressed', 'true');
      apply(me.workshop);
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 403 || caught.status === 404)) {
        clearSession(storage, code);
        refuse(`This workshop is no longer available (${caught.message}); your work here is not sent. `, h('a', { href: '/join/' }, 'Join another workshop'));
        return;
      }
      // Offline: the outbox keeps everything and sends it later.
      status.textContent = `The workshop server cannot be reached (${caught instanceof Error ? caught.message : String(caught)}); your results are kept and sent later.`;
    }
  })();

  disconnect = connectLearner(session, {
    onWorkshop: apply,
    onDeleted: () => {
      clearSession(storage, code);
      refuse('The instructor deleted this workshop and all its data; your work here stays on this page only.');
    },
    onState: (state) => {
      connection.textContent = state === 'live' ? 'Connected to the workshop.' : state === 'reconnecting' ? 'Connection lost: reconnecting; your work is kept.' : state === 'refused' ? 'The workshop server refused the connection.' : 'Connecting…';
      if (state === 'live') client.kick();
    },
  });

  stuck.addEventListener('click', () => {
    if (!accepting) return;
    const on = stuck.getAttribute('aria-pressed') !== 'true';
    client.signal(on ? 'stuck' : 'unstuck', exercise);
    setStuck(on);
  });
  done.addEventListener('click', () => {
    if (!accepting) return;
    client.signal('done', exercise);
    done.setAttribute('aria-pressed', 'true');
    // "Done" lowers a raised hand on the server too (store/progress.ts).
    setStuck(false);
  });

  const coalescer = new GradedCoalescer({ emit: (event) => (!accepting || workshop?.ended ? undefined : client.graded(event)) });
  // Leaving the page: hand on the last result; the outbox stores it and the next page sends it.
  window.addEventListener('pagehide', () => coalescer.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') coalescer.flush();
  });
  return {
    onGraded: (grade, stats, dockerfile) => {
      // A Dockerfile over the server's limit would get the whole event refused: send the result without it.
      const fits = new TextEncoder().encode(dockerfile).length <= LIMITS.dockerfileBytes;
      coalescer.push(gradedEvent(exercise, grade, stats, fits ? dockerfile : undefined));
    },
  };
}
