// Runs inside a Minsky checkout of 2025 (copied there by compat/run.sh): Minsky's own session
// store code adds one session and updates another in whatever backend the environment selects
// (MINSKY_SESSIONDB_BACKEND=json|sqlite), then writes every record as Minsky reads it to $COMPAT_OUT.
import { setupConfiguration } from "../src/config-setup";
await setupConfiguration();
const { createSessionProvider } = await import("../src/domain/session/session-db-adapter");

const [command, key] = process.argv.slice(2);
const provider = createSessionProvider();
if (command === "add") {
  await provider.addSession({
    session: key,
    repoName: "local/compat",
    repoUrl: "/tmp/compat-repo",
    createdAt: "2025-08-01T12:00:00.000Z",
    taskId: "#999",
    branch: key,
    prBranch: `pr/${key}`,
    prApproved: true,
    prState: { branchName: `pr/${key}`, exists: true, lastChecked: "2025-08-01T12:30:00.000Z", commitHash: "0123abc" },
    backendType: "local",
  } as any);
} else if (command === "update") {
  await provider.updateSession(key, { prBranch: "pr/updated-by-minsky", taskId: "#998" } as any);
}
const sessions = await provider.listSessions();
await Bun.write(process.env.COMPAT_OUT!, JSON.stringify(sessions));
process.exit(0);
