import { hangsFrom, healthyAfterBoot, type ProbeProgram } from "@/lib/sim/healthcheck";
import type { AppBehaviour } from "./scenario-schema";

/**
 * Answers take `extraMs` longer when the probe starts inside a recurring spell: from `firstAtMs`,
 * every `everyMs`, lasting `lastsMs` (wall clock). Refusals stay instant: nothing listens then.
 */
export function slowDuringSpells(
  spells: NonNullable<AppBehaviour["slowSpells"]>,
  base: ProbeProgram,
): ProbeProgram {
  return (context) => {
    const result = base(context);
    const sinceFirst = context.nowMs - spells.firstAtMs;
    const inSpell = sinceFirst >= 0 && sinceFirst % spells.everyMs < spells.lastsMs;
    return inSpell && result.exitCode === 0
      ? { ...result, durationMs: result.durationMs + spells.extraMs }
      : result;
  };
}

/** The built-in app of a flags-lab run as a probe program for the health-check engine. */
export function appProgram(app: AppBehaviour): ProbeProgram {
  let program = healthyAfterBoot(app.bootMs, { responseMs: app.responseMs });
  if (app.slowSpells) program = slowDuringSpells(app.slowSpells, program);
  if (app.hangsFromMs !== null) program = hangsFrom(app.hangsFromMs, program);
  return program;
}
