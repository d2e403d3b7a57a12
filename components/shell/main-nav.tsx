"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { MAIN_NAV, SETTINGS_NAV, type NavItem } from "@/components/shell/nav-items";
import type { Action } from "@/lib/server/permissions";

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({
  items,
  pathname,
  workspaceId,
  onNavigate,
}: {
  items: NavItem[];
  pathname: string;
  workspaceId: string;
  onNavigate?: () => void;
}) {
  const router = useRouter();
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map(({ href, label, icon: Icon, badge: Badge }) => {
        const active = isActive(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={onNavigate}
              // Prefetch on intent, not on sight: every page shows the whole navigation, and
              // prefetching all of it on every page load competed with opening the page itself.
              prefetch={false}
              onMouseEnter={() => router.prefetch(href)}
              onFocus={() => router.prefetch(href)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-ring",
                active
                  ? "bg-accent font-medium text-foreground"
                  : "text-muted-foreground hover:bg-accent/70 hover:text-foreground",
              )}
            >
              <Icon
                className={cn("size-4 shrink-0", active && "text-primary dark:text-indigo-300")}
                aria-hidden
              />
              {label}
              {Badge && <Badge workspaceId={workspaceId} />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The sidebar navigation (items the viewer's permissions allow) with the current page marked by aria-current. */
export function MainNav({
  workspaceId,
  permissions,
  onNavigate,
}: {
  workspaceId: string;
  permissions: readonly Action[];
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const settingsId = useId();
  const main = MAIN_NAV.filter((item) => !item.permission || permissions.includes(item.permission));
  return (
    <nav aria-label="Main" className="flex flex-col gap-6">
      <NavLinks
        items={main}
        pathname={pathname}
        workspaceId={workspaceId}
        onNavigate={onNavigate}
      />
      <div className="flex flex-col gap-1">
        <p id={settingsId} className="px-2 text-xs font-medium text-muted-foreground">
          Settings
        </p>
        <div role="group" aria-labelledby={settingsId}>
          <NavLinks
            items={SETTINGS_NAV}
            pathname={pathname}
            workspaceId={workspaceId}
            onNavigate={onNavigate}
          />
        </div>
      </div>
    </nav>
  );
}
