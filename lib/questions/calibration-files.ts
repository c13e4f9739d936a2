import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { CalibrationFileSchema, type CalibrationFile } from "@/lib/grading/calibration";

const DIR = path.join(process.cwd(), "content", "questions", "calibration");

/** Every calibration file (content/questions/calibration/<question id>.yaml), validated. */
export async function loadCalibrationFiles(): Promise<CalibrationFile[]> {
  const names = (await readdir(DIR)).filter((name) => name.endsWith(".yaml")).sort();
  return Promise.all(
    names.map(async (name) => {
      const parsed = CalibrationFileSchema.safeParse(parse(await readFile(path.join(DIR, name), "utf8")));
      if (!parsed.success)
        throw new Error(
          `Invalid calibration file ${name}:\n${parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`).join("\n")}`,
        );
      if (`${parsed.data.question}.yaml` !== name)
        throw new Error(`${name} calibrates "${parsed.data.question}": name the file after its question`);
      return parsed.data;
    }),
  );
}
