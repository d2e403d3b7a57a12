import { redirect } from "next/navigation";

/** The home page is the flow list. */
export default function HomePage() {
  redirect("/flows");
}
