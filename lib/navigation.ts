import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; roles?: readonly Role[] };

export const MAIN_NAV: readonly NavItem[] = [
  { href: "/learn", label: "Learn" },
  { href: "/practice", label: "Practice" },
  { href: "/labs", label: "Labs" },
  { href: "/review", label: "Review" },
  { href: "/instructor", label: "Instructor", roles: ["instructor"] },
];

export function navFor(role: Role | null): NavItem[] {
  return MAIN_NAV.filter((item) => !item.roles || (role !== null && item.roles.includes(role)));
}
