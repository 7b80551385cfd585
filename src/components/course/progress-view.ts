/**
 * Runs in the browser on the course pages: marks every exercise, lesson and the "continue" link
 * with the learner's progress. The server renders the outline without progress (the same for
 * everyone); this only fills in states, so without JavaScript or storage the page still works.
 */
import { completedExercises, continueLesson, lastLesson, type OutlineLesson } from './progress-client.ts';

export function showProgress(root: ParentNode = document): void {
  // One read of the store per call: every mark on the page agrees with the same snapshot.
  const done = completedExercises();
  const completed = (id: string) => done.has(id);

  for (const el of root.querySelectorAll<HTMLElement>('[data-progress-exercise]')) {
    const ok = completed(el.dataset.progressExercise!);
    el.dataset.state = ok ? 'done' : 'todo';
    el.textContent = ok ? 'Completed' : 'Not completed yet';
  }

  for (const el of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const ids = (el.dataset.exercises ?? '').split(' ').filter(Boolean);
    const n = ids.filter(completed).length;
    el.dataset.state = n === ids.length ? 'done' : n > 0 ? 'started' : 'todo';
    el.textContent = `${n} of ${ids.length} ${ids.length === 1 ? 'exercise' : 'exercises'} done`;
  }

  // Compact marks (the lesson sidebar): a check and hidden text when every exercise is done.
  for (const el of root.querySelectorAll<HTMLElement>('[data-progress-lesson-mark]')) {
    const ids = (el.dataset.exercises ?? '').split(' ').filter(Boolean);
    const all = ids.length > 0 && ids.every(completed);
    el.dataset.state = all ? 'done' : 'todo';
    el.replaceChildren();
    if (all) {
      const text = document.createElement('span');
      text.className = 'visually-hidden';
      text.textContent = ' (completed)';
      el.append(text);
    }
  }

  const standing = courseStanding(root, completed);
  if (!standing) return;
  const { lessons, total, finished, isNew, next } = standing;
  const summary = root.querySelector<HTMLElement>('[data-progress-summary]');
  if (summary) summary.textContent = `You have completed ${finished} of ${total} exercises.`;
  const meter = root.querySelector<HTMLProgressElement>('progress[data-progress-meter]');
  if (meter) {
    meter.max = total;
    meter.value = finished;
  }
  const link = root.querySelector<HTMLAnchorElement>('[data-continue]');
  if (!link) return;
  if (!next) {
    link.textContent = 'Review the course from the start';
    link.href = lessons[0]?.href ?? link.href;
    return;
  }
  if (isNew) return; // A new learner: the server's "Start" link is right.
  link.href = next.href;
  link.textContent = `Continue: ${next.order}. ${next.title}`;
}

type Lesson = OutlineLesson & { title: string; href: string; order: number };

/**
 * Where the learner stands, from the page's outline (`data-course-outline`): exercises done of
 * all, whether they are new (nothing opened, nothing done), and the lesson to continue (null when
 * every exercise is done). Null when the page has no outline.
 */
function courseStanding(root: ParentNode, completed: (exerciseId: string) => boolean) {
  const outlineEl = root.querySelector<HTMLElement>('[data-course-outline]');
  if (!outlineEl) return null;
  const lessons = JSON.parse(outlineEl.dataset.courseOutline!) as Lesson[];
  const all = lessons.flatMap((l) => l.exercises);
  const finished = all.filter(completed).length;
  const last = lastLesson();
  const nextId = continueLesson(lessons, completed, last);
  return { lessons, total: all.length, finished, isNew: last === null && finished === 0, next: lessons.find((l) => l.id === nextId) ?? null };
}

/**
 * The home page's "continue where you left off": hidden for a new learner (the page's own
 * "Start the course" is right for them), shown with the lesson to continue once there is progress.
 */
export function showContinue(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('[data-home-continue]');
  if (!box) return;
  const done = completedExercises();
  const standing = courseStanding(root, (id) => done.has(id));
  if (!standing || standing.isNew) return;
  const { total, finished, next } = standing;
  const link = box.querySelector<HTMLAnchorElement>('a')!;
  box.querySelector<HTMLElement>('[data-home-continue-summary]')!.textContent = `You have completed ${finished} of ${total} exercises.`;
  if (next) {
    link.href = next.href;
    link.textContent = `Continue where you left off: ${next.order}. ${next.title}`;
  } else {
    link.href = '/course/';
    link.textContent = 'You finished every exercise: review the course';
  }
  box.hidden = false;
}
