package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.cluster.ChatCluster;
import io.github.chatcluster.cluster.Endpoint;

public class ChatSteps {

    private final ScenarioContext context;
    private final ChatWorld chat;

    public ChatSteps(ScenarioContext context, ChatWorld chat) {
        this.context = context;
        this.chat = chat;
    }

    @Given("a new room with the members {user} and {user}, created through {entryPoint}")
    public void aNewRoomWithTheMembers(String first, String second, Endpoint entry) {
        chat.createRoomWith(entry, first, second);
    }

    @When("{user} sends {string} through {entryPoint}")
    public void userSendsThrough(String user, String body, Endpoint entry) {
        chat.send(entry, user, body);
    }

    @Then("the room's history read through {entryPoint} is:")
    public void theHistoryReadThroughIs(Endpoint entry, DataTable expected) {
        expected.diff(DataTable.create(chat.historyTable(entry)));
    }

    @Then("coordinator-1, coordinator-2 and the load balancer all read this same history right away")
    public void allEntryPointsReadTheSameHistory() {
        ChatCluster cluster = context.cluster();
        var reference = chat.historyTable(cluster.coordinator1());
        for (Endpoint entry : List.of(cluster.coordinator1(), cluster.coordinator2(), cluster.loadBalancer())) {
            assertThat(chat.historyTable(entry)).as("history through %s", entry).isEqualTo(reference);
        }
    }

    @When("{user} tries to join the room through {entryPoint}")
    public void userTriesToJoin(String user, Endpoint entry) {
        chat.refusal = catchThrowableOfType(ChatApplication.Refused.class, () -> chat.join(entry, user));
    }

    @When("{user} tries to send {string} to the room through {entryPoint}")
    public void userTriesToSend(String user, String body, Endpoint entry) {
        chat.refusal = catchThrowableOfType(ChatApplication.Refused.class, () -> chat.send(entry, user, body));
    }

    @Then("{user} is refused with a message saying that the room is full")
    public void refusedRoomFull(String user) {
        assertThat(chat.refusal).as("%s was refused", user).isNotNull();
        assertThat(chat.refusal).hasMessageContaining("is full").hasMessageContaining("cannot join");
        context.report("refused: " + chat.refusal.getMessage());
    }

    @Then("{user} is refused with a message saying that she is not a member")
    public void refusedNotAMember(String user) {
        assertThat(chat.refusal).as("%s was refused", user).isNotNull();
        assertThat(chat.refusal).hasMessageContaining("is not a member");
        context.report("refused: " + chat.refusal.getMessage());
    }

    @Then("the room's members are exactly {user} and {user}")
    public void theMembersAreExactly(String first, String second) {
        assertThat(chat.memberNames(context.cluster().coordinator1())).containsExactlyInAnyOrder(first, second);
    }

    @Then("the room has no messages")
    public void theRoomHasNoMessages() {
        assertThat(chat.historyTable(context.cluster().coordinator1())).hasSize(1); // the header only
    }

    @Then("the message sent through coordinator-2 has an id of at least 2^48 \\({long})")
    public void theMessageThroughCoordinator2HasALargeId(long bound) {
        assertThat(bound).isEqualTo(1L << 48);
        assertThat(chat.messageIdSentThrough(ChatCluster.COORDINATOR_2)).isGreaterThanOrEqualTo(bound);
    }

    @Then("the message sent through coordinator-1 has a smaller id than the one sent through coordinator-2")
    public void theMessageThroughCoordinator1HasASmallerId() {
        assertThat(chat.messageIdSentThrough(ChatCluster.COORDINATOR_1))
                .isLessThan(chat.messageIdSentThrough(ChatCluster.COORDINATOR_2));
        context.report("message ids: " + Map.copyOf(chat.messageIds));
    }
}
