import Link from "next/link";
import { AccountArea } from "./account-area";
import { MainNav } from "./main-nav";
import { SearchLauncher } from "./search-launcher";
import { ThemeToggle } from "./theme-toggle";

// Static on purpose: the signed-in parts (account menu, instructor link) are
// filled in by the browser, so lesson pages can be prerendered at build time.
export function SiteHeader() {
  return (
    <header data-site-header className="sticky top-0 z-40 border-b border-border bg-bg/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-bold text-fg no-underline">
          <svg aria-hidden="true" width="26" height="26" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="7" fill="var(--accent)" />
            <path d="M6 19h20l-3 6H9z M10 12h5v5h-5z M16 12h5v5h-5z M13 7h5v5h-5z" fill="var(--accent-fg)" />
          </svg>
          <span>Shipshape</span>
        </Link>
        <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <MainNav />
        </div>
        <div className="ml-auto flex items-center gap-2 sm:ml-0">
          <SearchLauncher />
          <ThemeToggle />
          <AccountArea />
        </div>
      </div>
    </header>
  );
}
