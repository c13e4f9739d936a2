import { describe, expect, it } from "vitest";
import { CSV_BOM, csvDocument, csvRecords, csvStream, neutraliseFormula, type CsvCell } from "./csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM: keep the byte order mark in the text (Response.text() would strip it).
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

async function* batchesOf(...batches: CsvCell[][][]) {
  for (const batch of batches) yield batch;
}

describe("csvRecords (RFC 4180)", () => {
  it("ends every record with CRLF and leaves plain fields unquoted", () => {
    expect(
      csvRecords([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a,b\r\nc,d\r\n");
  });

  it("quotes a field holding a comma", () => {
    expect(csvRecords([["Lovelace, Ada", "x"]])).toBe('"Lovelace, Ada",x\r\n');
  });

  it("doubles quotes inside a field and quotes the field", () => {
    expect(csvRecords([['say "ready"']])).toBe('"say ""ready"""\r\n');
  });

  it("quotes fields with embedded LF, CR or CRLF and keeps the line breaks as typed", () => {
    expect(csvRecords([["line one\nline two", "a\rb", "c\r\nd"]])).toBe(
      '"line one\nline two","a\rb","c\r\nd"\r\n',
    );
  });

  it("writes null as an empty field and an empty string as empty", () => {
    expect(csvRecords([[null, "", "x", null]])).toBe(",,x,\r\n");
  });

  it("writes nothing for no rows", () => {
    expect(csvRecords([])).toBe("");
  });
});

describe("formula-injection neutralisation (OWASP CSV Injection)", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", "'\r=1"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
  ])("prefixes %j with a single quote", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(["SIGTERM", "a=b", "1+1", "", " =1", "'quoted", "42"])("leaves %j alone", (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });

  it("neutralises text cells in records, then quotes them as RFC 4180 requires", () => {
    expect(csvRecords([['=HYPERLINK("http://x.test","go")']])).toBe(
      `"'=HYPERLINK(""http://x.test"",""go"")"\r\n`,
    );
    expect(csvRecords([["\r=1"]])).toBe(`"'\r=1"\r\n`);
  });

  it("leaves numbers as numbers, negative ones included", () => {
    expect(csvRecords([[-3, 0, 87.5, -0.25]])).toBe("-3,0,87.5,-0.25\r\n");
  });

  it("writes a non-finite number as an empty cell rather than NaN", () => {
    expect(csvRecords([[Number.NaN, Number.POSITIVE_INFINITY]])).toBe(",\r\n");
  });
});

describe("unicode", () => {
  it("keeps accents, CJK and emoji as they are", () => {
    expect(csvRecords([["Zoë Ñúñez", "李雷", "🚢"]])).toBe("Zoë Ñúñez,李雷,🚢\r\n");
  });

  it("starts a document with the UTF-8 BOM, then the header", () => {
    const document = csvDocument(["name", "score"], [["Zoë", 90]]);
    expect(document.startsWith(CSV_BOM)).toBe(true);
    expect(document.slice(1)).toBe("name,score\r\nZoë,90\r\n");
  });
});

describe("csvStream", () => {
  it("streams BOM, header and every batch in order, encoded as UTF-8", async () => {
    const stream = csvStream(["a", "b"], batchesOf([["1", 2]], [], [["x,y", "=1"]]));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(`a,b\r\n1,2\r\n"x,y",'=1\r\n`);
  });

  it("writes the header alone when there are no rows", async () => {
    expect(await readAll(csvStream(["only"], batchesOf()))).toBe(`${CSV_BOM}only\r\n`);
  });

  it("pulls a batch only when the reader asks, and stops the batches when the reader cancels", async () => {
    let produced = 0;
    let finished = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          yield [[produced]];
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(["n"], endless()).getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
