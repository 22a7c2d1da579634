package io.github.chatcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.github.chatcluster.cluster.Node;
import io.github.chatcluster.app.ChatApplication;
import io.github.chatcluster.app.ChatInspection;
import io.github.chatcluster.app.WriteAttempt;
import io.github.chatcluster.app.WriteOutcome;
import io.github.chatcluster.cluster.Endpoint;

/**
 * Writes a client tries (When steps, each keeping what became of its writes) and the judgement of them (Then steps,
 * which only read: the outcome the client saw, how long it waited, and what is stored).
 */
public class WriteAttemptSteps {

    private final ScenarioContext context;

    public WriteAttemptSteps(ScenarioContext context) {
        this.context = context;
    }

    // ---- the attempts

    @When("a client sends a new message through {entryPoint}")
    public void aClientSendsANewMessage(Endpoint entry) {
        long room = context.rooms().get(0);
        context.attempted(List.of(WriteAttempt.message(entry, room, context.acks().membersOf(room).get(0), context.acks())));
    }

    @When("a client writes a new room with its {int} members and {int} messages through {entryPoint}")
    public void aClientWritesARoom(int members, int messages, Endpoint entry) {
        assertThat(members).as("members of a room").isEqualTo(ChatApplication.MEMBERS_PER_ROOM);
        context.attempted(List.of(WriteAttempt.roomWithMembersAndMessages(entry, context.acks(), messages)));
    }

    @When("a client tries a new room and a new message through {entryPoint}")
    public void aClientTriesARoomAndAMessage(Endpoint entry) {
        long room = context.rooms().get(0);
        context.attempted(List.of(WriteAttempt.room(entry, context.acks()),
                WriteAttempt.message(entry, room, context.acks().membersOf(room).get(0), context.acks())));
    }

    @When("a client tries a new room through a new session on {entryPoint}")
    public void aClientTriesARoom(Endpoint entry) {
        context.attempted(List.of(WriteAttempt.room(entry, context.acks())));
    }

    @When("a client tries a schema change through {entryPoint}")
    public void aClientTriesASchemaChange(Endpoint entry) {
        context.attempted(List.of(WriteAttempt.schemaChange(entry)));
    }

    // ---- their judgement

    private WriteAttempt theAttempt() {
        assertThat(context.attempts()).as("the write the client tried in the step before").hasSize(1);
        return context.attempts().get(0);
    }

    @Then("it succeeds")
    public void itSucceeds() {
        WriteAttempt attempt = theAttempt();
        assertThat(attempt.acknowledged()).as("%s", attempt).isTrue();
    }

    @Then("it is stored within {int} seconds")
    public void itIsStoredWithin(int seconds) {
        WriteAttempt attempt = theAttempt();
        assertThat(attempt.acknowledged()).as("%s, %s %s", attempt, context.timeline().backAt() == null ? "while" : "after",
                context.timeline().fault()).isTrue();
        assertThat(attempt.took()).as("how long %s took", attempt).isLessThanOrEqualTo(Duration.ofSeconds(seconds));
        AcknowledgedWrites.assertMessageReadOnceThrough(List.of(attempt.entry()), attempt.roomId(), attempt.clientId());
        context.report("read back once through " + attempt.entry() + " and on its shard's placements "
                + AcknowledgedWrites.assertMessageOnBothPlacements(context.cluster(), attempt.entry(), attempt.roomId(), attempt.clientId()));
    }

    @Then("the room, its members and its messages are read back through {entryPoint}")
    public void theRoomIsReadBack(Endpoint entry) {
        WriteAttempt attempt = theAttempt();
        assertThat(attempt.acknowledged()).as("%s", attempt).isTrue();
        assertThat(ChatApplication.through(entry).history(attempt.roomId()).stream().map(ChatApplication.Message::clientId).toList())
                .as("the messages of the new room read through %s", entry)
                .containsExactlyInAnyOrderElementsOf(context.acks().messageIdsOf(attempt.roomId()));
        assertThat(ChatApplication.through(entry).members(attempt.roomId())).as("the members of the new room read through %s", entry)
                .containsExactlyInAnyOrderElementsOf(context.acks().membersOf(attempt.roomId()));
    }

    @Then("it is refused")
    public void itIsRefused() {
        assertRefused(theAttempt(), null);
    }

    @Then("it is refused with {string}")
    public void itIsRefusedWith(String text) {
        assertRefused(theAttempt(), text);
    }

    @Then("it is refused within {int} seconds with an error naming {node}")
    public void itIsRefusedWithinNaming(int seconds, Node node) {
        WriteAttempt attempt = assertRefused(theAttempt(), node.name());
        assertThat(attempt.took()).as("how long the client waited for the refusal of %s", attempt)
                .isLessThanOrEqualTo(Duration.ofSeconds(seconds));
    }

    @Then("it is refused after {int} to {int} seconds with {string}")
    public void itIsRefusedAfter(int atLeast, int atMost, String text) {
        WriteAttempt attempt = assertRefused(theAttempt(), text);
        assertThat(attempt.took()).as("how long the client waited for the refusal of %s", attempt)
                .isBetween(Duration.ofSeconds(atLeast), Duration.ofSeconds(atMost));
    }

    @Then("both are refused with {string}, and neither is stored")
    public void bothAreRefused(String text) {
        assertThat(context.attempts()).as("the writes the client tried").hasSize(2);
        context.attempts().forEach(a -> assertRefused(a, text));
    }

    /** Refused (the client can conclude it did not happen), naming the text if given, and not stored. */
    private WriteAttempt assertRefused(WriteAttempt attempt, String text) {
        assertThat(attempt.acknowledged()).as("%s, while %s", attempt, context.timeline().fault()).isFalse();
        assertThat(attempt.outcome()).as("what the client can conclude from: %s", attempt).isEqualTo(WriteOutcome.REFUSED);
        if (text != null) {
            assertThat(attempt.error()).as("the error of %s", attempt).contains(text);
        }
        assertNotStored(attempt);
        return attempt;
    }

    private void assertNotStored(WriteAttempt attempt) {
        ChatInspection reader = ChatInspection.through(attempt.entry());
        switch (attempt.kind()) {
            case MESSAGE -> assertThat(reader.copiesOfMessage(attempt.roomId(), attempt.clientId()))
                    .as("copies of the refused message %s", attempt.clientId()).isZero();
            case ROOM -> assertThat(reader.roomIds()).as("rooms after the refused one").doesNotContain(attempt.roomId());
            default -> {
                // a refused schema change or room with members: nothing of it to look for by id
            }
        }
    }
}
