/**
 * The embedded exercise's side of the protocol (protocol.ts): it starts the exercise, then talks
 * only to its parent window, only on its channel, and only with the origins the embedding author
 * allowed. Events: ready, resize, change, graded. Commands: reset, setDockerfile, check,
 * setTheme. Anything else is logged and ignored.
 */
import { startExercise } from '../client/exercise/app.ts';
import { gradedEvent } from '../client/exercise/graded-event.ts';
import { PROTOCOL, readEmbedOptions, readHostCommand, widgetMessage, type WidgetEvents, type WidgetEventType } from './protocol.ts';

export async function startWidget(root: HTMLElement): Promise<void> {
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

  const controller = await startExercise(root, {
    readOnly: options.readOnly,
    onChange: (dockerfile) => post('change', { exercise: exerciseId, dockerfile }),
    onGraded: (grade, stats) => post('graded', gradedEvent(exerciseId, grade, stats)),
  });

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
    switch (message.type) {
      case 'reset':
        controller.reset();
        break;
      case 'check':
        controller.check();
        break;
      case 'setDockerfile':
        controller.setDockerfile(message.payload.dockerfile);
        break;
      case 'setTheme': {
        const theme = message.payload.theme === 'auto' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : message.payload.theme;
        document.documentElement.dataset.theme = theme;
        document.dispatchEvent(new CustomEvent('layerwise:theme', { detail: { theme } }));
        break;
      }
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
}
