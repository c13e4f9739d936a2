// The limit for bench/answers.ts: a bare node:http server that stores answers in SQLite with
// better-sqlite3 and nothing else (no framework, no sessions, no validation). The same client load
// against it shows how close the real server comes to what this machine can do.
//   node bench/bare-answer-server.mjs <port> <sqlite file>
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [port, file] = process.argv.slice(2);
const db = new Database(file);
// The same settings as lib/db.ts gives the app.
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
db.exec(`CREATE TABLE IF NOT EXISTS attempt (id TEXT PRIMARY KEY, status TEXT NOT NULL DEFAULT 'open');
CREATE TABLE IF NOT EXISTS response (attemptId TEXT NOT NULL, questionId TEXT NOT NULL, answer TEXT NOT NULL,
  updatedAt TEXT NOT NULL, PRIMARY KEY (attemptId, questionId));`);
const start = db.prepare("INSERT INTO attempt (id) VALUES (?)");
const save = db.prepare(`INSERT INTO response (attemptId, questionId, answer, updatedAt) VALUES (?, ?, ?, ?)
  ON CONFLICT (attemptId, questionId) DO UPDATE SET answer = excluded.answer, updatedAt = excluded.updatedAt`);
const submit = db.prepare("UPDATE attempt SET status = 'submitted' WHERE id = ? AND status = 'open'");

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        resolve(JSON.parse(body || "{}"));
      } catch (error) {
        reject(error);
      }
    });
  });
}

let counter = 0;
createServer(async (req, res) => {
  try {
    const input = await readJson(req);
    let value;
    if (req.url === "/start") {
      const id = `a${process.pid}_${++counter}`;
      start.run(id);
      value = { attemptId: id };
    } else if (req.url === "/save") {
      const savedAt = new Date().toISOString();
      save.run(input.attemptId, input.questionId, JSON.stringify(input.answer), savedAt);
      value = { savedAt };
    } else if (req.url === "/submit") {
      value = { submitted: submit.run(input.attemptId).changes === 1 };
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, value }));
  } catch {
    res.writeHead(400).end();
  }
}).listen(Number(port), "127.0.0.1", () => console.log(`bare answer server on ${port}`));
