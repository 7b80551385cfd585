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
import { CODE_THEMES } from '../../site/code-themes.ts';
import { createDockerHighlighter } from '../highlight/docker-highlighter.ts';
import { withAccessibleEditorColors } from './accessible-themes.ts';

/** The editor theme that matches the page's light or dark theme. */
export function pageEditorTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? CODE_THEMES.dark : CODE_THEMES.light;
}

let ready: Promise<typeof monaco> | null = null;

export function loadMonaco(): Promise<typeof monaco> {
  ready ??= (async () => {
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };
    const highlighter = await createDockerHighlighter(withAccessibleEditorColors);
    // Shiki names the grammar "docker" with the alias "dockerfile"; Monaco's id is "dockerfile".
    monaco.languages.register({ id: 'docker' });
    shikiToMonaco(highlighter, monaco);
    return monaco;
  })();
  return ready;
}

export type Monaco = typeof monaco;
