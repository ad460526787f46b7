package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A pass over the CLI found a PostgreSQL URL whose port is no number refused as having "no host name", and one that ends
 * at its {@code //} refused in java.net.URI's words, "Expected authority".
 */
class PostgresUrlPortTest {

    @Test
    void aPortThatIsNoNumberIsNamedAsSuchQuotingNoPartOfThePassword() {
        for (String url : new String[] {"postgresql://user:s3cr:et@host:notaport/db", "postgresql://user:s3cr%40et@host:5x/db",
                "postgresql://user:s3cret@my_db:abc/db", "postgresql://user:s3cret@host:99999/db"}) {
            CliRun run = CliRun.of("info", url);

            assertThat(run.exitCode()).as(url).isEqualTo(2);
            assertThat(run.err()).as(url).contains("the port after the host is not a number from 1 to 65535").doesNotContain("no host name")
                    .doesNotContain("s3cr");
        }
    }

    @Test
    void aBadPortAfterAnIpv6HostIsNamedTheSameWay() {
        for (String url : new String[] {"postgresql://[::1]:abc/db", "postgresql://user:s3cret@[::1]:5x/db?schema=s", "postgres://[fe80::1]:-1"}) {
            CliRun run = CliRun.of("info", url);

            assertThat(run.exitCode()).as(url).isEqualTo(2);
            assertThat(run.err()).as(url).contains("the port after the host is not a number from 1 to 65535")
                    .doesNotContain("Illegal character").doesNotContain("s3cr");
        }
    }

    @Test
    void aPasswordHoldingAnUnencodedSlashIsNotQuotedEither() {
        CliRun run = CliRun.of("info", "postgresql://user:pa/ss99@127.0.0.1:1/db");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("percent-encoded").doesNotContain("pa/ss").doesNotContain("ss99");
    }

    @Test
    void anEmptyPortStillMeansTheDefault() {
        CliRun run = CliRun.of("info", "postgresql://user:s3cret@127.0.0.1:/db");

        assertThat(run.err()).doesNotContain("port after the host");
    }

    @Test
    void aUrlThatEndsAtItsSlashesSaysNothingFollowsThemAndHowToWriteOne() {
        for (String url : new String[] {"postgres://", "postgresql://"}) {
            CliRun run = CliRun.of("ls", url);

            assertThat(run.exitCode()).as(url).isEqualTo(2);
            assertThat(run.err()).as(url).contains("not a valid PostgreSQL URL (nothing follows '//', neither host nor database);"
                    + " write postgresql://user@host:port/database").doesNotContain("authority");
        }
    }

    /** An error about a postgres:// URL showed it as postgresql://, a URL the user never typed; the password stays masked. */
    @Test
    void anErrorShowsTheUrlAsTyped() {
        CliRun unreachable = CliRun.of("info", "postgres://user:s3cret@127.0.0.1:1/db");
        CliRun malformed = CliRun.of("ls", "postgres://user:s3cret@host:notaport/db");
        CliRun jdbc = CliRun.of("info", "jdbc:postgresql://user:s3cret@127.0.0.1:1/db");

        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("sessiondb: postgres://user:****@127.0.0.1:1/db: cannot reach PostgreSQL").doesNotContain("s3cret");
        assertThat(malformed.err()).startsWith("sessiondb: postgres://user:****@host:notaport/db: not a valid PostgreSQL URL").doesNotContain("s3cret");
        assertThat(jdbc.err()).startsWith("sessiondb: jdbc:postgresql://user:****@127.0.0.1:1/db: cannot reach PostgreSQL").doesNotContain("s3cret");
    }
}
