/**
 * Monaco, loaded only when the learner reaches the editor: the editor core, Monaco's own
 * Dockerfile language, just the features the exercise uses (hover, quick fixes, error
 * navigation, find, Tab focus mode), and Shiki's themes through @shikijs/monaco, so the editor
 * colours code exactly as the static, Shiki-highlighted starter shown before it loaded.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { shikiToMonaco } from '@shikijs/monaco';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { withAccessibleEditorColors } from './accessible-themes.ts';

export const LIGHT_THEME = 'github-light';
export const DARK_THEME = 'github-dark-default';

let ready: Promise<typeof monaco> | null = null;

export function loadMonaco(): Promise<typeof monaco> {
  ready ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };
    const highlighter = await createHighlighterCore({
      themes: [
        import('shiki/themes/github-light.mjs').then((m) => withAccessibleEditorColors(m.default)),
        import('shiki/themes/github-dark-default.mjs').then((m) => withAccessibleEditorColors(m.default)),
      ],
      langs: [import('shiki/langs/docker.mjs')],
      engine: createJavaScriptRegexEngine(),
    });
    // Shiki names the grammar "docker" with the alias "dockerfile"; Monaco's id is "dockerfile".
    monaco.languages.register({ id: 'docker' });
    shikiToMonaco(highlighter, monaco);
    return monaco;
  })();
  return ready;
}

export type Monaco = typeof monaco;
