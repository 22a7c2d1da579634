package io.github.chatcluster.app.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class PooledApplicationTest {

    @Test
    void anErrorTheServerAnsweredIsARefusalAndAFailedSocketIsABrokenSession() {
        SQLException refused = new PSQLException(new ServerErrorMessage(
                "SERROR\0C08006\0Mconnection to the remote node postgres@worker-2:5432 failed\0"));
        SQLException broken = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        assertThat(PoolWrite.kind(refused)).startsWith("refused by the cluster 08006: ").contains("worker-2");
        assertThat(PoolWrite.kind(broken)).startsWith("session broken 08006: An I/O error");
    }
}
