import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthLayout } from "@/components/auth/auth-layout";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyUser } from "@/lib/server/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

/** First-run setup: only reachable while no user exists. */
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/login");
  return (
    <AuthLayout
      title="Set up Trellis"
      description={
        <p>
          Create the first admin account and a workspace. The workspace comes with example content
          and the offline Simulated model, so you can try flows before adding a real model key.
        </p>
      }
    >
      <SetupForm />
    </AuthLayout>
  );
}
