package dev.gearbox.core.model;

/** The role of a chat message, as OpenAI names it on the wire. */
public enum Role {
    SYSTEM("system"), DEVELOPER("developer"), USER("user"), ASSISTANT("assistant"), TOOL("tool"), FUNCTION("function");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Returns the role for a wire name, or null when the name is unknown. */
    public static Role fromWire(String name) {
        for (Role r : values()) {
            if (r.wire.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
