package io.github.chatcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (a text); -- trailing; comment
                INSERT INTO t VALUES ('x;y');
                SELECT 1
                """;
        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE t (a text)", "INSERT INTO t VALUES ('x;y')", "SELECT 1");
    }

    @Test
    void ignoresEmptyStatements() {
        assertThat(SqlScript.statements(";;\n -- only a comment\n")).isEmpty();
    }
}
