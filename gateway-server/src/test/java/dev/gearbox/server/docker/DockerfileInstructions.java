package dev.gearbox.server.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile as its instructions ({@code EXPOSE 8080}, {@code CMD [...]}): comments dropped,
 * continuation lines joined, keywords upper-cased. Enough to check what the file declares.
 */
record DockerfileInstructions(List<Instruction> instructions) {
    record Instruction(String keyword, String arguments) {
    }

    static DockerfileInstructions parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String joined = pending.toString().strip();
            pending.setLength(0);
            int space = joined.indexOf(' ');
            if (space > 0) {
                instructions.add(new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT),
                        joined.substring(space + 1).strip().replaceAll("\\s+", " ")));
            }
        }
        return new DockerfileInstructions(List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The arguments of the last such instruction (the one that wins, for CMD, USER, ENTRYPOINT). */
    Optional<String> last(String keyword) {
        List<String> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }
}
