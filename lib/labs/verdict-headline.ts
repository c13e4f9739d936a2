/**
 * The headline of a lab result when no error or experiment says more. The page puts "Passed:" or
 * "Not passed yet:" before it, so it does not repeat the verdict.
 */
export function verdictHeadline(passedCount: number, total: number): string {
  if (passedCount === total)
    return total === 1 ? "The check holds." : total === 2 ? "Both checks hold." : `All ${total} checks hold.`;
  return `${passedCount} of ${total} checks passed.`;
}
