/**
 * Counts CSV records as the text streams in, chunk by chunk, so the exports page can show
 * "12,400 of 60,000 rows". A line break inside a quoted field (an interview answer with paragraphs)
 * is part of the field, not the end of a record, so the counter tracks quotes across chunks; a
 * doubled quote `""` inside a field toggles twice and leaves the state as it was.
 */
export type CsvRowCounter = {
  /** Feeds the next piece of text; returns the data rows completed so far (the header is not a row). */
  push: (text: string) => number;
};

export function createCsvRowCounter(): CsvRowCounter {
  let insideQuotes = false;
  let records = 0;
  return {
    push(text) {
      for (let index = 0; index < text.length; index += 1) {
        const char = text.charCodeAt(index);
        if (char === 34 /* " */) insideQuotes = !insideQuotes;
        else if (char === 10 /* \n */ && !insideQuotes) records += 1;
      }
      return Math.max(0, records - 1);
    },
  };
}

/** The file name from `Content-Disposition: attachment; filename="…"`, or the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(header ?? "");
  return match?.[1] ?? fallback;
}

/** What to tell the person when the server refuses the download. */
export function downloadErrorMessage(status: number, serverMessage: string | null): string {
  switch (status) {
    case 401:
      return "Your session has ended. Sign in again, then retry the download.";
    case 403:
      return `You cannot download this cohort's files.${serverMessage ? ` ${serverMessage}` : ""}`;
    case 404:
      return "This cohort no longer exists.";
    default:
      return `The server could not prepare the file (error ${status}). Try again in a minute.`;
  }
}
