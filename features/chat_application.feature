@smoke @chat
Feature: Chatting through either coordinator or the load balancer
  A chat room has exactly two members, and only they send messages. The application works the
  same whether it connects to coordinator-1, to coordinator-2 or to the load balancer, and what is
  written through one entry point is read through every other at once (not "eventually").

  Background:
    Given the chat cluster is running and was checked healthy before this scenario

  Scenario Outline: Two members chat through <entry point>
    Given a new room with the members alice and bob, created through <entry point>
    When alice sends "Hi Bob!" through <entry point>
    And bob sends "Hi Alice, how are you?" through <entry point>
    And alice sends "Fine, thanks." through <entry point>
    Then the room's history read through <entry point> is:
      | sender | message                |
      | alice  | Hi Bob!                |
      | bob    | Hi Alice, how are you? |
      | alice  | Fine, thanks.          |
    And coordinator-1, coordinator-2 and the load balancer all read this same history right away

    Examples:
      | entry point       |
      | coordinator-1     |
      | coordinator-2     |
      | the load balancer |

  Scenario: A room never gets a third member
    Given a new room with the members alice and bob, created through the load balancer
    When carol tries to join the room through coordinator-2
    Then carol is refused with a message saying that the room is full
    And the room's members are exactly alice and bob

  Scenario: Eight users try to join one room at the same moment through both coordinators: exactly two get in, and only they post
    # The rule lives in the transaction that adds a member: a conditional UPDATE of the room's row
    # (member_count < 2) takes that row's lock before the member is inserted, so joins through the two
    # coordinators queue on the same row, on both copies of its shard. Members never leave, so checking
    # membership in the transaction that inserts a message is enough for "only members post".
    Given a new empty room, created through the load balancer
    When 8 users try to join the room at the same moment, half through coordinator-1 and half through coordinator-2, and each then tries to send a message
    Then the attempts of all 8 users overlapped in time
    And exactly 2 users joined, and the other 6 were refused because the room is full
    And the room's members, read through both coordinators, are exactly the users who joined
    And the room holds exactly one message from each of them, and the others were refused because they are not members

  Scenario: Only members send messages
    Given a new room with the members alice and bob, created through coordinator-1
    When carol tries to send "Hello?" to the room through coordinator-1
    Then carol is refused with a message saying that she is not a member
    And the room has no messages

  Scenario: Message ids are neither small nor consecutive
    # Each coordinator draws ids from its own range of the messages sequence: coordinator-2's
    # range starts at its group id shifted left by 48 bits. Clients must not assume small,
    # consecutive or ordered ids; the history is ordered by the time a message was sent.
    Given a new room with the members alice and bob, created through coordinator-1
    When alice sends "from coordinator-1" through coordinator-1
    And bob sends "from coordinator-2" through coordinator-2
    Then the message sent through coordinator-2 has an id of at least 2^48 (281474976710656)
    And the message sent through coordinator-1 has a smaller id than the one sent through coordinator-2
    And the room's history read through the load balancer is:
      | sender | message            |
      | alice  | from coordinator-1 |
      | bob    | from coordinator-2 |
