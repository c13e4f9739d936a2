/**
 * Splits a shell command line into words, honouring single and double quotes, and pulls out a
 * trailing `> file` or `< file` redirection. `$(pwd)` stands for the learner's working directory.
 */
export type CommandLine = { words: string[]; stdout: string | null; stdin: string | null };

export function splitCommand(line: string, cwd: string): CommandLine {
  const words: string[] = [];
  let current = "";
  let quote: '"' | "'" | null = null;
  let started = false;
  for (const char of line.replaceAll("$(pwd)", cwd).replaceAll("${PWD}", cwd)) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || current) words.push(current);
      current = "";
      started = false;
    } else if (char === ">" || char === "<") {
      if (started || current) words.push(current);
      words.push(char);
      current = "";
      started = false;
    } else current += char;
  }
  if (quote) throw new SyntaxError("unterminated quote");
  if (started || current) words.push(current);
  let stdout: string | null = null;
  let stdin: string | null = null;
  for (const op of [">", "<"] as const) {
    const index = words.indexOf(op);
    if (index < 0) continue;
    const target = words[index + 1];
    if (!target) throw new SyntaxError(`missing file after ${op}`);
    if (op === ">") stdout = target;
    else stdin = target;
    words.splice(index, 2);
  }
  return { words, stdout, stdin };
}
