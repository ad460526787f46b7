package dev.sessiondb.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One conversation message of a chat or agent session. */
public record Message(String id, String role, String content, Timestamp timestamp, JsonNode metadata) {
}
