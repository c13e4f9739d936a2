"use client";
import Editor, { loader, type BeforeMount, type OnMount } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import { useEffect, useRef } from "react";
import { registerPromql } from "./promql-language";

// Monaco is served from our own origin (scripts/copy-browser-assets.mjs), never from a CDN.
loader.config({ paths: { vs: "/monaco/vs" } });

type MonacoEditor = Parameters<OnMount>[0];
type Monaco = Parameters<OnMount>[1];

export type EditorHandle = { focusLine: (line: number) => void; focus: () => void };

type Props = {
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
  label: string;
  errorLine: { line: number; message: string } | null;
  handleRef: React.RefObject<EditorHandle | null>;
  /** Monaco language id; text labs pass yaml, dockerfile or promql (registered in promql-language.ts). */
  language?: string;
};

/** Monaco for the learner's handler. Tab moves focus (tabFocusMode); Ctrl+M switches Tab to indenting. */
export default function CodeEditor({
  value,
  onChange,
  onRun,
  label,
  errorLine,
  handleRef,
  language = "javascript",
}: Props) {
  const { resolvedTheme } = useTheme();
  const editorRef = useRef<MonacoEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  }, [onRun]);

  const beforeMount: BeforeMount = (monaco) => {
    // vs-dark's comment green (#6A9955) misses 4.5:1 on its background: brighten it.
    monaco.editor.defineTheme("shipshape-dark", {
      base: "vs-dark",
      inherit: true,
      rules: [{ token: "comment", foreground: "8FBF7A" }],
      colors: {},
    });
    registerPromql(monaco);
  };

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current());
    handleRef.current = {
      focus: () => editor.focus(),
      focusLine: (line) => {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: 1 });
        editor.focus();
      },
    };
    // For tests and power users: the page's editor, as Monaco's own playground exposes it.
    (window as unknown as { labEditor?: MonacoEditor }).labEditor = editor;
  };

  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "lab",
      errorLine
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: errorLine.message,
              startLineNumber: errorLine.line,
              endLineNumber: errorLine.line,
              startColumn: 1,
              endColumn: model.getLineMaxColumn(Math.min(errorLine.line, model.getLineCount())),
            },
          ]
        : [],
    );
  }, [errorLine]);

  return (
    <Editor
      height="340px"
      language={language}
      theme={resolvedTheme === "dark" ? "shipshape-dark" : "light"}
      beforeMount={beforeMount}
      value={value}
      onChange={(next) => onChange(next ?? "")}
      onMount={onMount}
      loading={<p className="p-4 text-sm text-fg-muted">Loading the editor…</p>}
      options={{
        // Monaco fades "unused" code to low opacity, which fails WCAG contrast; squiggles are enough.
        showUnused: false,
        // The same for the dimmed number Monaco gives the empty line after a final newline.
        renderFinalNewline: "on",
        ariaLabel: label,
        tabFocusMode: true,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: "on",
        tabSize: 2,
        renderLineHighlight: "line",
        accessibilitySupport: "auto",
      }}
    />
  );
}
