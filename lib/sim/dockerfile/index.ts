/**
 * The Dockerfile checker for the security lab: parses a learner's Dockerfile with dockerfile-ast
 * and evaluates hardening checks in words. Pure and deterministic.
 */
export { checkDockerfile, isExecForm, isSecretFile, secretNameLike, secretValueLike } from "./checks";
export { isIgnored, parseDockerignore } from "./dockerignore";
export { parseDockerfile, stageChain, type ParsedDockerfile, type Stage, type Step } from "./parse";
export {
  CHECK_IDS,
  DockerfileScenarioSchema,
  type CheckId,
  type CheckResult,
  type DockerfileScenario,
  type DockerfileScenarioInput,
} from "./schema";
