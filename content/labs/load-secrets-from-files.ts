import type { LabInput } from "@/lib/labs/schema";

const PASSWORD = "c0rrect h0rse/b@ttery!";
const STRIPE = "sk_live_51HxQ2eLkdIwHu7ixFqT9w0r1";

const lab: LabInput = {
  slug: "load-secrets-from-files",
  title: "Load the secrets from files, with a clear error and nothing in the logs",
  lesson: "configuration-and-secrets",
  lessonSection: "secrets-as-files",
  summary: "Fix orders-api's config loader: read /run/secrets, fail clearly when a file is missing, log no value.",
  goal:
    "orders-api's loadConfig still expects DB_PASSWORD and STRIPE_KEY in the environment, and prints the whole " +
    "config at start-up. The container now gets both as Compose secrets: files under /run/secrets, with " +
    "DB_PASSWORD_FILE naming the database password's file. Rewrite loadConfig so it returns dbUser, dbPassword " +
    "and stripeKey with exactly the values in the files, stops with an error that names the secret when a file " +
    "is missing, and never writes a secret value to the logs, in any form. The checks start it twice (every " +
    "file present, then the password file gone) and scan docker inspect, /proc/1/environ, the image history " +
    "and the logs for the values.",
  kind: "secrets-code",
  scenario: {
    container: {
      name: "orders-api",
      image: "registry.example.com/orders-api:1.4.2",
      env: { NODE_ENV: "production", DB_USER: "shop", DB_PASSWORD_FILE: "/run/secrets/db_password" },
      secrets: [
        // Written with echo, so each file ends in a newline the database does not expect.
        { name: "db_password", content: `${PASSWORD}\n` },
        { name: "stripe_key", content: `${STRIPE}\n` },
      ],
      history: [
        { createdBy: "/bin/sh -c #(nop) ADD file:4b1be1de1a1e5aa608c688cad2824587262081866180b7368bf8e4585a9f8ccc in /" },
        { createdBy: "WORKDIR /srv/orders-api" },
        { createdBy: "COPY src ./src # buildkit", files: { "/srv/orders-api/src/server.js": "import './config.js'" } },
        { createdBy: 'CMD ["node" "src/server.js"]' },
      ],
    },
    required: [
      { name: "db_password", configKey: "dbPassword", value: PASSWORD },
      { name: "stripe_key", configKey: "stripeKey", value: STRIPE },
    ],
  },
  input: {
    starterCode: `// Runs once when the container starts. require("fs"), process.env and console work as in Node.
const fs = require("fs");

globalThis.loadConfig = () => {
  const config = {
    dbUser: process.env.DB_USER,
    dbPassword: process.env.DB_PASSWORD,
    stripeKey: process.env.STRIPE_KEY,
  };
  console.log("config loaded", config);
  return config;
};
`,
  },
  hints: [
    "Run it and open the container's logs below: the loader never looks under /run/secrets, and it prints everything it loaded. A start-up log should say which secrets were loaded, never what they are.",
    "DB_PASSWORD_FILE tells you where the password is; the Stripe key has no variable, so it is at the default place for a Compose secret. Look closely at what readFileSync returns: the file was written with echo.",
    "When readFileSync throws, Node's own error says ENOENT and a path, not which secret is missing or how to provide it. Catch it and throw your own message, and make sure that message cannot contain a value.",
  ],
  solution: {
    code: `const fs = require("fs");

// The value of secret NAME from the file named by NAME_FILE, or from /run/secrets/<name>.
// Errors name the secret and its file, never its value.
function readSecret(name) {
  const file = process.env[name.toUpperCase() + "_FILE"] || "/run/secrets/" + name;
  let value;
  try {
    value = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error("secret " + name + " is missing: mount it at " + file + " (" + error.code + ")");
  }
  value = value.replace(/\\r?\\n$/, ""); // echo adds a final newline
  if (value === "") throw new Error("secret " + name + " is empty: " + file);
  return value;
}

globalThis.loadConfig = () => {
  const config = {
    dbUser: process.env.DB_USER,
    dbPassword: readSecret("db_password"),
    stripeKey: readSecret("stripe_key"),
  };
  console.log("config loaded: dbUser=" + config.dbUser + ", secrets db_password and stripe_key from files");
  return config;
};
`,
    explanation:
      "readSecret follows the *_FILE convention of the official images: the path comes from DB_PASSWORD_FILE " +
      "when it is set, otherwise from the Compose default /run/secrets/<name>. It strips the one newline echo " +
      "left in each file, or the database would reject the password. When the file is missing it throws its own " +
      "error naming the secret and the path, so the container stops at once with a message an operator can act " +
      "on, instead of starting and failing later on a login. The start-up log says which secrets were loaded " +
      "and where from, never a value; the values stay only in the files, so docker inspect, /proc/1/environ and " +
      "the image history have nothing to show.",
  },
  checks: [
    { type: "loader", check: "reads-files" },
    { type: "loader", check: "still-starts" },
    { type: "loader", check: "clear-missing-error" },
    { type: "loader", check: "never-logs" },
    { type: "loader", check: "no-leak-surfaces" },
  ],
};

export default lab;
