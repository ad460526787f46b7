// Runs inside a current Minsky checkout (copied there by compat/run.sh): Minsky's own session
// repository (DrizzleSessionRepository, the code behind every `minsky session` command) adds one
// session and updates another in the PostgreSQL database named by MINSKY_PERSISTENCE_POSTGRES_URL,
// then writes every record as Minsky reads it to $COMPAT_OUT.
import "../src/reflect-polyfill";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { DrizzleSessionRepository } from "@minsky/domain/session/drizzle-session-repository";

const [command, key] = process.argv.slice(2);
const client = postgres(process.env.MINSKY_PERSISTENCE_POSTGRES_URL!, { max: 1, onnotice: () => {} });
const repository = new DrizzleSessionRepository(drizzle(client));
if (command === "add") {
  await repository.addSession({
    sessionId: key,
    repoName: "edobry/compat",
    repoUrl: "https://github.com/edobry/compat.git",
    createdAt: "2026-08-01T12:00:00.000Z",
    taskId: "mt#999",
    prBranch: `task/${key}`,
    prApproved: true,
    backendType: "github",
    status: "ACTIVE",
    agentId: "compat-agent",
    commitCount: 2,
    lastActivityAt: "2026-08-01T12:30:00.000Z",
    lastCommitHash: "0123abc",
    lastCommitMessage: "added by Minsky",
  } as any);
} else if (command === "update") {
  await repository.updateSession(key, { status: "PR_OPEN", commitCount: 7, lastCommitMessage: "updated by Minsky" } as any);
}
const sessions = await repository.listSessions();
await Bun.write(process.env.COMPAT_OUT!, JSON.stringify(sessions));
await client.end();
process.exit(0);
