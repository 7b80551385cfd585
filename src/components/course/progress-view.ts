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

  const outlineEl = root.querySelector<HTMLElement>('[data-course-outline]');
  if (!outlineEl) return;
  const lessons = JSON.parse(outlineEl.dataset.courseOutline!) as (OutlineLesson & { title: string; href: string; order: number })[];
  const all = lessons.flatMap((l) => l.exercises);
  const finished = all.filter(completed).length;
  const summary = root.querySelector<HTMLElement>('[data-progress-summary]');
  if (summary) summary.textContent = `You have completed ${finished} of ${all.length} exercises.`;
  const meter = root.querySelector<HTMLProgressElement>('progress[data-progress-meter]');
  if (meter) {
    meter.max = all.length;
    meter.value = finished;
  }
  const last = lastLesson();
  const next = continueLesson(lessons, completed, last);
  const link = root.querySelector<HTMLAnchorElement>('[data-continue]');
  if (!link) return;
  const lesson = lessons.find((l) => l.id === next);
  if (!lesson) {
    link.textContent = 'Review the course from the start';
    link.href = lessons[0]?.href ?? link.href;
    return;
  }
  if (last === null && finished === 0) return; // A new learner: the server's "Start" link is right.
  link.href = lesson.href;
  link.textContent = `Continue: ${lesson.order}. ${lesson.title}`;
}

/**
 * The home page's "continue where you left off": hidden for a new learner (the page's own
 * "Start the course" is right for them), shown with the lesson to continue once there is progress.
 */
export function showContinue(root: ParentNode = document): void {
  const box = root.querySelector<HTMLElement>('[data-home-continue]');
  const outlineEl = root.querySelector<HTMLElement>('[data-course-outline]');
  if (!box || !outlineEl) return;
  const lessons = JSON.parse(outlineEl.dataset.courseOutline!) as (OutlineLesson & { title: string; href: string; order: number })[];
  const done = completedExercises();
  const completed = (id: string) => done.has(id);
  const last = lastLesson();
  const all = lessons.flatMap((l) => l.exercises);
  const finished = all.filter(completed).length;
  if (last === null && finished === 0) return;
  const next = continueLesson(lessons, completed, last);
  const lesson = lessons.find((l) => l.id === next);
  const link = box.querySelector<HTMLAnchorElement>('a')!;
  const summary = box.querySelector<HTMLElement>('[data-home-continue-summary]')!;
  summary.textContent = `You have completed ${finished} of ${all.length} exercises.`;
  if (lesson) {
    link.href = lesson.href;
    link.textContent = `Continue where you left off: ${lesson.order}. ${lesson.title}`;
  } else {
    link.href = '/course/';
    link.textContent = 'You finished every exercise: review the course';
  }
  box.hidden = false;
}
