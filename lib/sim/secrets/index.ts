/**
 * The secrets lab's host: a simulated container (env, /run/secrets files, image history, logs,
 * docker inspect, /proc/1/environ), a scanner for a secret value in every surface and encoding,
 * and the checks for a learner's config loader. Pure and deterministic.
 */
export {
  ContainerSpecSchema,
  FileNotFoundError,
  SimContainer,
  type ContainerSpec,
  type ContainerSpecInput,
  type LogLine,
} from "./container";
export { base64, findEncoded, type Encoding } from "./encodings";
export {
  checkLoader,
  checkLoaderRuns,
  LoaderExit,
  runLoader,
  runtimeFor,
  SecretsLabScenarioSchema,
  type Loader,
  type LoaderCheck,
  type LoaderCheckId,
  type LoaderOutcome,
  type LoaderReport,
  type LoaderRunner,
  type LoaderRuntime,
  type SecretsLabScenarioInput,
} from "./loader";
export { describeFinding, leaks, scanContainer, type Finding, type Surface } from "./scan";
export {
  appendConsole,
  quickJsLoaderRunner,
  SECRETS_PRELUDE,
  SECRETS_PRELUDE_FILE,
  secretsHostFunctions,
} from "./sandbox-host";
