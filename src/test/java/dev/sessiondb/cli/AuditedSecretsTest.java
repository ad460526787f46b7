package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms a user audit found shown whole, through the commands that showed them: a secret held as a number, down an array
 * or an object, or kept as a name (show, export, validate, diff); a password assigned in a shell line; a URL's password
 * holding a '/', a '?' or a space (also as the store's locator, malformed); an unquoted value in a file that is not JSON.
 */
class AuditedSecretsTest {

    private static final List<String> SECRETS = List.of("123456789", "plaintokenA", "plaintokenB", "credvalue99", "nestedkey", "KEYASNAME",
            "pgsecret1", "dbsecret5", "quoted secret6", "phrase9x", "curlpass4", "pa/ss", "my secret", "pwdval1", "dXNlcjpw", "111111",
            "222222", "oldtokenvalue1", "newtokenvalue2", "pa/ss99", "ss96", "hunter2plain");

    @TempDir
    Path dir;

    @Test
    void noCommandShowsAnyOfTheAuditedForms() throws Exception {
        Path store = Files.writeString(dir.resolve("sec3.json"), """
                [{"session":"n1","repoName":"r","repoUrl":"u","createdAt":"2025-05-16T22:16:33.321Z","taskId":"#2","password":123456789,
                  "github":{"owner":"o","repo":"r","token":["plaintokenA","plaintokenB"]},"credentials":{"user":"bob","value":"credvalue99"},
                  "apiKey":{"v":"nestedkey"},"cache":{"ghp_KEYASNAMEabcdefghijklmnopqrstuv12":"repoA"},"pwd":"pwdval1","auth":"Basic dXNlcjpwYXNzd29yZA==",
                  "notes":"PGPASSWORD=pgsecret1 psql; DBPASSWORD=dbsecret5; export MYPASSWORD=\\"quoted secret6\\"; passphrase=phrase9x; curl -u admin:curlpass4 https://x; https://bob:pa/ss@github.com/x/y.git mysql://root:my secret@db/x"}]
                """);
        Path a = Files.writeString(dir.resolve("pa.json"),
                "[{\"session\":\"p\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"password\":111111,\"token\":\"oldtokenvalue1\"}]");
        Path b = Files.writeString(dir.resolve("pb.json"),
                "[{\"session\":\"p\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"password\":222222,\"token\":{\"value\":\"newtokenvalue2\"}}]");
        Path unquoted = Files.writeString(dir.resolve("uq.json"),
                "[{\"session\":\"x\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\",\"password\": hunter2plain}]");

        List<CliRun> runs = new ArrayList<>();
        runs.add(CliRun.of("show", "json:" + store, "n1", "--format", "json"));
        runs.add(CliRun.of("show", "json:" + store, "n1"));
        runs.add(CliRun.of("export", "json:" + store, "n1"));
        CliRun validate = CliRun.of("validate", "json:" + store, "--check", "secret-in-record");
        runs.add(validate);
        CliRun diff = CliRun.of("diff", a.toString(), b.toString());
        runs.add(diff);
        runs.add(CliRun.of("ls", "postgresql://u:pa/ss99@127.0.0.1:1/db"));
        runs.add(CliRun.of("ls", "postgresql://u:p?ss96@127.0.0.1:1/db"));
        CliRun notJson = CliRun.of("ls", unquoted.toString());
        runs.add(notJson);

        for (CliRun run : runs) {
            for (String secret : SECRETS) {
                assertThat(run.out() + run.err()).as(secret).doesNotContain(secret);
            }
        }
        assertThat(validate.out()).contains("a secret is stored in password", "a secret is stored in github.token", "a secret is stored in credentials",
                "a secret is stored in apiKey", "a secret is stored in cache.****uv12", "a secret is stored in pwd", "a secret is stored in auth");
        assertThat(diff.out()).contains("password: \"****\" -> \"****\" (differs only in the masked secret)", "token: \"****\" -> {\"value\":\"****\"}");
        assertThat(notJson.err()).contains("not valid JSON at line 1, column");
    }

    /** A changed value under a name that is a token: the path is masked, the two values still shown. */
    @Test
    void aDiffMasksANameThatIsATokenAndKeepsItsValues() throws Exception {
        String record = "[{\"session\":\"p\",\"repoName\":\"r\",\"repoUrl\":\"u\",\"createdAt\":\"2025-05-16T22:16:33.321Z\","
                + "\"cache\":{\"ghp_KEYASNAMEabcdefghijklmnopqrstuv12\":\"%s\"}}]";
        Path a = Files.writeString(dir.resolve("ka.json"), record.formatted("first"));
        Path b = Files.writeString(dir.resolve("kb.json"), record.formatted("second"));

        CliRun diff = CliRun.of("diff", a.toString(), b.toString());

        assertThat(diff.out()).contains("cache.****uv12: \"first\" -> \"second\"").doesNotContain("KEYASNAME");
    }
}
