/**
 * The manifest editor: CodeMirror 6 with YAML highlighting and live diagnostics from our validator (the same
 * pipeline `kubectl apply` runs in the virtual cluster). Loaded on demand when a runner opens; until it is ready
 * (or if it cannot load) the panel's plain text box does the job. Tab is left to the page (no indent-with-Tab),
 * so keyboard users can always leave the editor; colours come from Starlight's properties (light and dark).
 */
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, lineNumbers } from '@codemirror/view';
// @lezer/highlight comes with @codemirror/language (its tag vocabulary); codemirror's minimalSetup brings the
// default and history keymaps without a direct dependency on @codemirror/commands.
import { tags } from '@lezer/highlight';
import { minimalSetup } from 'codemirror';
import type { EditorDiagnostic } from './checks/types.ts';

export interface ManifestEditor {
  /** Shows another file (or the same file changed elsewhere: undo, a shared state). */
  setText(text: string, label?: string): void;
  /** Validate again (the release changed). */
  relint(): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  text: string;
  label: string;
  onChange(text: string): void;
  diagnostics(text: string): EditorDiagnostic[];
}

const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--podbook-code-key)' },
  { tag: [tags.string, tags.content], color: 'var(--podbook-code-value)' },
  { tag: tags.lineComment, color: 'var(--podbook-code-comment)', fontStyle: 'italic' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: 'var(--podbook-code-punct)' },
  { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: 'var(--podbook-code-meta)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--sl-color-white)',
    backgroundColor: 'var(--sl-color-gray-7, var(--sl-color-black))',
    fontSize: 'var(--sl-text-code, 0.875rem)',
    border: '1px solid var(--sl-color-gray-5)',
    borderRadius: '0.25rem',
  },
  '&.cm-focused': { outline: '2px solid var(--sl-color-text-accent)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--__sl-font-mono, monospace)', caretColor: 'var(--sl-color-white)' },
  '.cm-gutters': {
    backgroundColor: 'var(--sl-color-gray-6, transparent)',
    color: 'var(--sl-color-gray-2)',
    borderRight: '1px solid var(--sl-color-gray-5)',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--sl-color-text-accent) 8%, transparent)',
  },
  '.cm-activeLineGutter': { color: 'var(--sl-color-white)' },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--sl-color-text-accent) 30%, transparent) !important',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--sl-color-bg-nav, var(--sl-color-black))',
    color: 'var(--sl-color-white)',
    border: '1px solid var(--sl-color-gray-5)',
  },
});

export function createEditor(parent: HTMLElement, options: EditorOptions): ManifestEditor {
  let applying = false;
  const labelled = new Compartment();
  const labelFor = (label: string) =>
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' });
  const lint = linter(
    (view): Diagnostic[] =>
      options.diagnostics(view.state.doc.toString()).map((d) => ({
        from: d.from,
        to: d.to,
        severity: 'error',
        source: d.code,
        message: d.message,
      })),
    { delay: 150 },
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        minimalSetup,
        indentOnInput(),
        yaml(),
        lint,
        lintGutter(),
        theme,
        // Long lines wrap: nothing scrolls sideways (on a phone either), and the editor grows with the file.
        EditorView.lineWrapping,
        EditorState.tabSize.of(2),
        labelled.of(labelFor(options.label)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !applying) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    setText(text, label) {
      if (label !== undefined) view.dispatch({ effects: labelled.reconfigure(labelFor(label)) });
      if (text === view.state.doc.toString()) return;
      applying = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      applying = false;
    },
    relint: () => forceLinting(view),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
