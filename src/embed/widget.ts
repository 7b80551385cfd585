/**
 * The embedded exercise's side of the protocol (protocol.ts): it talks only to its parent window,
 * only on its channel, and only with the origins the embedding author allowed. Events: ready,
 * resize, change, graded. Commands: reset, setDockerfile, check, setTheme. Anything else is
 * logged and ignored.
 *
 * The bridge starts at once and says `ready`; the editor and the engine (about 1 MB) load only
 * when the reader starts to edit (see boot.ts) or the host sends a command that needs them, which
 * is queued meanwhile. A page with three embeds a reader only scrolls past costs a few KB each.
 */
import type { ExerciseController } from '../client/exercise/app.ts';
import { PROTOCOL, readEmbedOptions, readHostCommand, widgetMessage, type HostCommands, type WidgetEvents, type WidgetEventType } from './protocol.ts';

export interface Widget {
  /** Loads the editor (once); resolves when it is up and every queued command has been applied. */
  startEditor(): Promise<void>;
}

type EditorCommand = { type: Exclude<keyof HostCommands, 'setTheme'>; payload: HostCommands[Exclude<keyof HostCommands, 'setTheme'>] };

/**
 * `requestEditor` is the page's way to load the editor (boot.ts: it marks the page as loading and
 * reports failures); the widget calls it when a host command needs the editor.
 */
export function startWidget(root: HTMLElement, requestEditor: () => void): Widget {
  const options = readEmbedOptions(new URLSearchParams(location.search));
  for (const error of options.errors) console.warn(`layerwise embed: ${error}`);
  const exerciseId = root.dataset.exercise ?? '';
  const inFrame = window.parent !== window;

  // Panels the author hid, and the solution when asked to.
  const panels: Record<string, string> = { objectives: '.exercise-side', results: '.results', context: '.context', hints: '#hint-button, #hints' };
  for (const [panel, selector] of Object.entries(panels)) {
    if (!options.panels.includes(panel as never)) for (const el of root.querySelectorAll<HTMLElement>(selector)) el.hidden = true;
  }
  if (options.hideSolution) root.querySelector<HTMLElement>('#solution-button')?.setAttribute('hidden', '');
  if (options.readOnly) for (const id of ['#reset-button', '#solution-button']) root.querySelector<HTMLElement>(id)?.setAttribute('hidden', '');

  const post = <K extends WidgetEventType>(type: K, payload: WidgetEvents[K]) => {
    if (!inFrame || !options.channel) return;
    // Sent to each allowed origin: the browser delivers it only if the parent is one of them.
    for (const origin of options.origins) window.parent.postMessage(widgetMessage(options.channel, type, payload), origin);
  };

  let controller: ExerciseController | null = null;
  let loading: Promise<void> | null = null;
  const queue: EditorCommand[] = [];
  const apply = (command: EditorCommand, editor: ExerciseController) => {
    if (command.type === 'reset') editor.reset();
    else if (command.type === 'check') editor.check();
    else editor.setDockerfile((command.payload as HostCommands['setDockerfile']).dockerfile);
  };
  const startEditor = () =>
    (loading ??= Promise.all([import('../client/exercise/app.ts'), import('../client/exercise/graded-event.ts')]).then(async ([{ startExercise }, { gradedEvent }]) => {
      const editor = await startExercise(root, {
        readOnly: options.readOnly,
        onChange: (dockerfile) => post('change', { exercise: exerciseId, dockerfile }),
        onGraded: (grade, stats) => post('graded', gradedEvent(exerciseId, grade, stats)),
      });
      controller = editor;
      for (const command of queue.splice(0)) apply(command, editor);
    }));

  window.addEventListener('message', (event: MessageEvent) => {
    if (!options.channel) return;
    // Other scripts' messages are none of our business; ours from a wrong sender are logged.
    const ours = typeof event.data === 'object' && event.data !== null && (event.data as { protocol?: unknown }).protocol === PROTOCOL;
    if (event.source !== window.parent) {
      if (ours) console.warn(`layerwise embed: ignored a message from ${event.origin}: only the embedding page may send commands`);
      return;
    }
    if (!options.origins.includes(event.origin)) {
      console.warn(`layerwise embed: ignored a message from ${event.origin}, which is not in the allowed origins`);
      return;
    }
    const command = readHostCommand(event.data, options.channel);
    if (!command.ok) {
      console.warn(`layerwise embed: ignored a message: ${command.reason}`);
      return;
    }
    const message = command.message;
    if (message.type === 'setTheme') {
      const theme = message.payload.theme === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : message.payload.theme;
      document.documentElement.dataset.theme = theme;
      document.dispatchEvent(new CustomEvent('layerwise:theme', { detail: { theme } }));
      return;
    }
    const editorCommand = message as EditorCommand;
    if (controller) apply(editorCommand, controller);
    else {
      queue.push(editorCommand);
      requestEditor();
    }
  });

  // The host sizes the iframe to the document.
  let lastHeight = 0;
  const measure = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (Math.abs(height - lastHeight) < 2) return;
    lastHeight = height;
    post('resize', { height });
  };
  new ResizeObserver(measure).observe(document.body);
  measure();
  post('ready', { exercise: exerciseId, version: 1 });
  return { startEditor };
}
