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
import io.github.chatcluster.app.RoomRush;
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
        for (Endpoint entry : cluster.entryPoints()) {
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
        context.report("refused: " + chat.refusal.getMessage());
        // what is stored decides; the refusal's words are the suite's own application's, checked second
        List<String> members = chat.memberNames(context.cluster().coordinator1());
        assertThat(members).as("the room's stored members after %s was refused", user).doesNotContain(user).hasSize(2);
        assertThat(chat.refusal).hasMessageContaining("is full").hasMessageContaining("cannot join");
    }

    @Then("{user} is refused with a message saying that she is not a member")
    public void refusedNotAMember(String user) {
        assertThat(chat.refusal).as("%s was refused", user).isNotNull();
        context.report("refused: " + chat.refusal.getMessage());
        // what is stored decides; the refusal's words are the suite's own application's, checked second
        assertThat(chat.memberNames(context.cluster().coordinator1())).as("the room's stored members").doesNotContain(user);
        assertThat(chat.historyTable(context.cluster().coordinator1()).stream().skip(1).map(row -> row.get(0)))
                .as("senders of the room's stored messages").doesNotContain(user);
        assertThat(chat.refusal).hasMessageContaining("is not a member");
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

    // ---- the two-member rule under concurrency

    private List<RoomRush.Attempt> rush = List.of();

    @Given("a new empty room, created through {entryPoint}")
    public void aNewEmptyRoom(Endpoint entry) {
        chat.createEmptyRoom(entry);
    }

    @When("{int} users try to join the room at the same moment, half through coordinator-1 and half through coordinator-2, and each then tries to send a message")
    public void usersRushToJoin(int users) {
        List<Endpoint> entries = java.util.stream.IntStream.range(0, users)
                .mapToObj(i -> i % 2 == 0 ? context.cluster().coordinator1() : context.cluster().coordinator2()).toList();
        rush = chat.rush(entries, context.acks());
        rush.forEach(a -> context.report(a.toString()));
    }

    @Then("the attempts of all {int} users overlapped in time")
    public void theAttemptsOverlapped(int users) {
        java.time.Duration overlap = RoomRush.overlap(rush);
        context.report("every user's attempt was running during the same " + overlap.toMillis() + " ms");
        assertThat(rush).hasSize(users);
        assertThat(overlap).as("time during which all %d attempts ran at once", users).isPositive();
    }

    @Then("exactly {int} users joined, and the other {int} were refused because the room is full")
    public void exactlyJoined(int joined, int refused) {
        List<RoomRush.Attempt> in = rush.stream().filter(RoomRush.Attempt::joined).toList();
        assertThat(in).as("users who joined: %s", in).hasSize(joined);
        // the stored members decide; what each user was told comes second
        assertThat(chat.memberIds(context.cluster().coordinator1())).as("the room's stored members").hasSize(joined)
                .containsExactlyInAnyOrderElementsOf(in.stream().map(RoomRush.Attempt::userId).toList());
        List<RoomRush.Attempt> out = rush.stream().filter(a -> !a.joined()).toList();
        assertThat(out).as("users refused").hasSize(refused)
                .allSatisfy(a -> assertThat(a.joinRefusal()).contains("is full").contains("cannot join"));
    }

    @Then("the room's members, read through both coordinators, are exactly the users who joined")
    public void theMembersAreThoseWhoJoined() {
        List<Long> joined = rush.stream().filter(RoomRush.Attempt::joined).map(RoomRush.Attempt::userId).sorted().toList();
        for (Endpoint entry : List.of(context.cluster().coordinator1(), context.cluster().coordinator2())) {
            assertThat(chat.memberIds(entry)).as("members read through %s", entry).containsExactlyElementsOf(joined);
        }
    }

    @Then("the room holds exactly one message from each of them, and the others were refused because they are not members")
    public void onlyMembersPosted() {
        List<Long> joined = rush.stream().filter(RoomRush.Attempt::joined).map(RoomRush.Attempt::userId).sorted().toList();
        assertThat(chat.history(context.cluster().coordinator2()).stream().map(ChatApplication.Message::senderId).sorted().toList())
                .as("senders of the room's messages").containsExactlyElementsOf(joined);
        assertThat(rush.stream().filter(a -> !a.joined()).toList()).as("users who were not members")
                .allSatisfy(a -> assertThat(a.sendRefusal()).contains("is not a member"));
    }
}
