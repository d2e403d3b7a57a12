// Makes `npm ci` work against a registry mirror that serves no builds for other platforms.
// Such a mirror lists packages like @next/swc-darwin-arm64 without the version that next pins,
// so npm leaves them out of package-lock.json and `npm ci` then reports the lock file out of sync.
// This adds, for each optional dependency npm resolves to no version, a lock entry that npm
// skips on every platform (`os: ["none"]`). It changes nothing when the registry has them all.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const npmRoot = path.resolve(
  execFileSync("npm", ["root", "-g"], { encoding: "utf8" }).trim(),
  "npm",
);
const Arborist = createRequire(path.join(npmRoot, "package.json"))("@npmcli/arborist");

const arborist = new Arborist({ path: root });
const ideal = await arborist.buildIdealTree();
const lockFile = path.join(root, "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
const added = [];
for (const [location, node] of ideal.inventory) {
  if (node.version === "" && node.optional && !lock.packages[location]) {
    lock.packages[location] = { optional: true, os: ["none"] };
    added.push(location);
  }
}
if (added.length > 0) {
  fs.writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    `lockfile: stubbed ${added.length} optional platform packages the registry does not serve:\n  ${added.join("\n  ")}`,
  );
}
