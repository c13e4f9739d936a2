import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto mt-6 max-w-sm rounded-xl border border-border bg-bg-subtle p-6 sm:mt-12">
      {children}
    </div>
  );
}
