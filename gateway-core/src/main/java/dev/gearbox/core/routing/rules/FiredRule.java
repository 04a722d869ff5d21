package dev.gearbox.core.routing.rules;

/** A rule that matched a request, by name, with what it asks for. */
public record FiredRule(String name, RuleEffect effect) {
}
